import { Column, DeleteDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, InstantColumn, instantType, UpdatedAtColumn, UuidColumn } from '../../database/columns';

/** A mentor meeting. Notes are private to mentor and mentee. */
@Entity()
export class MentorMeeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @UuidColumn()
  mentorshipId: string;

  @InstantColumn()
  startsAt: Date;

  @InstantColumn()
  endsAt: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  location: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** Rises on every change of time, place or status: the iCalendar SEQUENCE. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  /** Kept (notes cleared) as a tombstone so calendar feeds notice the deletion; hidden from every query. */
  @DeleteDateColumn({ type: instantType, nullable: true })
  deletedAt: Date | null;
}
