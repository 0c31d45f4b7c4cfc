import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, InstantColumn, UpdatedAtColumn, UuidColumn } from '../../database/columns';

export const ENROLMENT_STATUSES = ['booked', 'waitlisted', 'cancelled'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ATTENDANCE = ['attended', 'absent', 'excused'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/**
 * A person's place in a session: booked, on the waitlist, or cancelled (kept for history).
 * At most one booked-or-waitlisted enrolment per person and session (partial unique index).
 */
@Entity()
@Index(['sessionId', 'status'])
export class Enrolment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @UuidColumn()
  sessionId: string;

  @Index()
  @UuidColumn()
  personId: string;

  @Index()
  @UuidColumn({ nullable: true })
  planItemId: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: EnrolmentStatus;

  /** Order on the waitlist: a number that only grows per session; the position is its rank. */
  @Column({ type: 'integer', nullable: true })
  queueNumber: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  attendance: Attendance | null;

  @InstantColumn({ nullable: true })
  attendanceRecordedAt: Date | null;

  @UuidColumn({ nullable: true })
  attendanceRecordedBy: string | null;

  @InstantColumn({ nullable: true })
  bookedAt: Date | null;

  @InstantColumn({ nullable: true })
  cancelledAt: Date | null;

  @UuidColumn({ nullable: true })
  cancelledBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
