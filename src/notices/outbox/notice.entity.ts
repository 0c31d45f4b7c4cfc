import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, InstantColumn, UpdatedAtColumn, UuidColumn } from '../../database/columns';
import type { NoticePayload } from '../notice-payload';

export const NOTICE_KINDS = [
  'booking_confirmed',
  'waitlisted',
  'promoted',
  'reminder_7d',
  'reminder_1d',
  'enrolment_cancelled',
  'cancellation_copy',
  'session_rescheduled',
  'session_cancelled',
  'evaluation_request',
  'no_show_copy',
  'weekly_digest',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_STATUSES = ['pending', 'sending', 'sent', 'failed', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/**
 * One e-mail in the outbox. Written in the transaction of the change that causes it; the unique
 * dedupe key makes a second enqueue of the same notice a no-op. Senders claim rows by a
 * conditional update of `status` (pending -> sending) and mark them sent after SMTP accepted.
 */
@Entity()
@Index(['status', 'sendAfter'])
export class Notice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  kind: NoticeKind;

  @Index()
  @UuidColumn()
  recipientId: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 300 })
  dedupeKey: string;

  @Column({ type: 'simple-json' })
  payload: NoticePayload;

  @Column({ type: 'varchar', length: 2, default: 'sv' })
  language: 'sv' | 'en';

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: NoticeStatus;

  @InstantColumn()
  sendAfter: Date;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @InstantColumn({ nullable: true })
  sentAt: Date | null;

  @InstantColumn({ nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  claimToken: string | null;

  /** The session and enrolment the notice is about, so reminders can be moved and withdrawn. */
  @Index()
  @UuidColumn({ nullable: true })
  sessionId: string | null;

  @Index()
  @UuidColumn({ nullable: true })
  enrolmentId: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
