import { DeleteDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateColumn, instantType, UpdatedAtColumn, UuidColumn } from '../../database/columns';

/** An experienced colleague assigned to a new hire. Active while endDate is empty or not yet past. */
@Entity()
export class Mentorship {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @UuidColumn()
  mentorId: string;

  @Index()
  @UuidColumn()
  menteeId: string;

  @DateColumn()
  startDate: string;

  @DateColumn({ nullable: true })
  endDate: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  /** Kept as a tombstone so calendar feeds notice the deletion; hidden from every query. */
  @DeleteDateColumn({ type: instantType, nullable: true })
  deletedAt: Date | null;
}
