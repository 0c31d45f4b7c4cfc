import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateColumn, InstantColumn, UpdatedAtColumn, UuidColumn } from '../../database/columns';

export const PLAN_ITEM_KINDS = ['lecture', 'activity'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];
export const PLAN_ITEM_STATUSES = ['planned', 'booked', 'done', 'waived', 'missed'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];

/**
 * A lecture or a local activity in a plan. A lecture item's status follows its enrolment and is
 * changed in the same transaction as the enrolment.
 */
@Entity()
export class PlanItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @UuidColumn()
  planId: string;

  @Column({ type: 'varchar', length: 10 })
  kind: PlanItemKind;

  @Index()
  @UuidColumn({ nullable: true })
  lectureId: string | null;

  /** The activity's title; lecture items show the lecture's title. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  title: string | null;

  @DateColumn({ nullable: true })
  dueDate: string | null;

  @Column({ type: 'varchar', length: 10, default: 'planned' })
  status: PlanItemStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  waivedReason: string | null;

  @InstantColumn({ nullable: true })
  completedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  position: number;

  /** Added or changed after the plan was agreed (both signatures in place). */
  @Column({ type: 'boolean', default: false })
  changedAfterAgreement: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
