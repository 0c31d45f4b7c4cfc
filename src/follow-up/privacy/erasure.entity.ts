import { Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** A person whose personal data has been erased (pseudonymised); makes erasure idempotent. */
@Entity()
export class Erasure {
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @InstantColumn()
  erasedAt: Date;
}
