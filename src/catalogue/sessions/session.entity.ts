import { Column, Entity, Index, JoinTable, ManyToMany, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, InstantColumn, UpdatedAtColumn, UuidColumn } from '../../database/columns';
import { Lecturer } from '../lecturers/lecturer.entity';
import { SessionSlot } from './session-slot.entity';

export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * One bookable occasion of a lecture. A multi-day course is one session with several slots;
 * capacity and attendance belong to the session, venue conflicts to each slot.
 */
@Entity()
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @UuidColumn()
  lectureId: string;

  @Index()
  @UuidColumn({ nullable: true })
  venueId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'varchar', length: 10, default: 'scheduled' })
  status: SessionStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cancelledReason: string | null;

  @InstantColumn({ nullable: true })
  cancelledAt: Date | null;

  /** First slot's start and last slot's end, kept with the slots for range queries and sorting. */
  @Index()
  @InstantColumn()
  startsAt: Date;

  @InstantColumn()
  endsAt: Date;

  @InstantColumn({ nullable: true })
  enrolmentDeadline: Date | null;

  /**
   * Seats taken. Changed only in the transaction that books, cancels or promotes, with a
   * conditional update (`... WHERE booked_count < capacity`), so it can never pass capacity.
   */
  @Column({ type: 'integer', default: 0 })
  bookedCount: number;

  /** Rises on every change of time, place, status or title: the iCalendar SEQUENCE. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  @OneToMany(() => SessionSlot, (slot) => slot.session, { cascade: true })
  slots: SessionSlot[];

  @ManyToMany(() => Lecturer)
  @JoinTable({ name: 'session_lecturer', joinColumn: { name: 'session_id' }, inverseJoinColumn: { name: 'lecturer_id' } })
  lecturers: Lecturer[];

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
