/** What a notice says, captured when it is queued; the e-mail is rendered from it when it is sent. */
export interface SlotFacts {
  id: string;
  /** ISO 8601 instants (UTC). */
  startsAt: string;
  endsAt: string;
}

export interface SessionFacts {
  id: string;
  sequence: number;
  status: 'scheduled' | 'cancelled';
  title: string;
  slots: SlotFacts[];
  venue: string | null;
  address: string | null;
  onlineUrl: string | null;
  cancelledReason: string | null;
  /** The DTSTAMP of attached invitations: the session's last change. */
  changedAt: string;
}

export interface DigestHire {
  name: string;
  upcoming: { title: string; startsAt: string; waitlisted: boolean }[];
  overdue: { title: string; dueDate: string }[];
}

/** Names of people other than the recipient: shown to admins only in the outbox. */
export interface PersonalFacts {
  hireName?: string;
  cancelledByName?: string;
  hires?: DigestHire[];
}

export interface NoticePayload {
  session?: SessionFacts;
  /** Attach an invitation (REQUEST) or a cancellation (CANCEL) for the session. */
  ics?: 'REQUEST' | 'CANCEL';
  waitlistPosition?: number;
  personal?: PersonalFacts;
}
