import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UuidColumn } from '../../database/columns';

/** One anonymous answer about the programme as a whole; who answered lives only in the receipt. */
@Entity()
export class ProgrammeEvaluation {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @UuidColumn({ nullable: true })
  orgUnitId: string | null;

  @Column({ type: 'integer' })
  rating: number;

  @Column({ type: 'boolean' })
  recommend: boolean;

  @Column({ type: 'text', nullable: true })
  comment: string | null;
}
