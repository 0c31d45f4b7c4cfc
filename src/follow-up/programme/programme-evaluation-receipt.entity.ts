import { Entity, PrimaryColumn } from 'typeorm';

/** Records only that a plan's programme evaluation has been given. */
@Entity()
export class ProgrammeEvaluationReceipt {
  @PrimaryColumn({ type: 'uuid' })
  planId: string;
}
