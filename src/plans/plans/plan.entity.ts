import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateColumn, InstantColumn, UpdatedAtColumn, UuidColumn } from '../../database/columns';

export const PLAN_STATUSES = ['draft', 'active', 'paused', 'completed', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
/** A hire has at most one plan in these states. */
export const OPEN_PLAN_STATUSES: PlanStatus[] = ['draft', 'active', 'paused'];
export const CLOSED_REASONS = ['left_employment', 'moved_internally', 'other'] as const;
export type ClosedReason = (typeof CLOSED_REASONS)[number];

/** A new hire's individual two-year introduction plan: an agreement signed by introducer and manager. */
@Entity()
export class Plan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @UuidColumn()
  newHireId: string;

  @Index()
  @UuidColumn({ nullable: true })
  introducerId: string | null;

  @UuidColumn({ nullable: true })
  managerId: string | null;

  @UuidColumn({ nullable: true })
  mentorId: string | null;

  @UuidColumn({ nullable: true })
  templateId: string | null;

  @DateColumn()
  startDate: string;

  @DateColumn()
  endDate: string;

  @Index()
  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status: PlanStatus;

  @Column({ type: 'varchar', length: 20, nullable: true })
  closedReason: ClosedReason | null;

  /** Set while paused (parental leave, long sick leave); resuming moves end and open due dates. */
  @DateColumn({ nullable: true })
  pausedOn: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  pausedReason: string | null;

  @Column({ type: 'integer', default: 0 })
  pausedDays: number;

  @UuidColumn({ nullable: true })
  introducerSignedBy: string | null;

  @InstantColumn({ nullable: true })
  introducerSignedAt: Date | null;

  @UuidColumn({ nullable: true })
  managerSignedBy: string | null;

  @InstantColumn({ nullable: true })
  managerSignedAt: Date | null;

  /** When both signatures were in place; item changes after it are marked as made after agreement. */
  @InstantColumn({ nullable: true })
  agreedAt: Date | null;

  @InstantColumn({ nullable: true })
  completedAt: Date | null;

  @InstantColumn({ nullable: true })
  closedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
