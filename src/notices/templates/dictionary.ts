import type { NoticeKind } from '../outbox/notice.entity';

/** What a template knows when it writes a notice, already formatted in the recipient's language. */
export interface TemplateContext {
  name: string;
  title: string;
  hireName: string;
  cancelledByName: string | null;
  waitlistPosition: number | null;
  reason: string | null;
  sessionCancelled: boolean;
  /** When the first slot starts, e.g. "onsdag 3 februari 2027 kl. 09.00". */
  firstStart: string;
}

export interface KindTexts {
  subject: (c: TemplateContext) => string;
  /** Paragraphs before the session's details. */
  body: (c: TemplateContext) => string[];
}

export interface Dictionary {
  locale: string;
  greeting: (name: string) => string;
  signature: string;
  /** Shown under notices a person may turn off. */
  optionalFooter: string;
  labels: { when: string; where: string; online: string; reason: string; attachment: string };
  slot: { dateTime: string; time: string };
  digest: { upcoming: string; overdue: string; waitlisted: string; due: (date: string) => string };
  kinds: Record<NoticeKind, KindTexts>;
}
