import { Entity, PrimaryColumn } from 'typeorm';

/** Records only that an enrolment's evaluation has been given (so it is given once). */
@Entity()
export class EvaluationReceipt {
  @PrimaryColumn({ type: 'uuid' })
  enrolmentId: string;
}
