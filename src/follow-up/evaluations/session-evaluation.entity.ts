import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UuidColumn } from '../../database/columns';

/**
 * One anonymous answer about a session. Deliberately without person, enrolment, timestamps or a
 * sequential key: who answered lives only in EvaluationReceipt, and nothing joins the two.
 */
@Entity()
export class SessionEvaluation {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @UuidColumn()
  lectureId: string;

  @UuidColumn()
  sessionId: string;

  /** The hire's org unit when answering, for breakdowns by unit. */
  @UuidColumn({ nullable: true })
  orgUnitId: string | null;

  @Column({ type: 'integer' })
  rating: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;
}
