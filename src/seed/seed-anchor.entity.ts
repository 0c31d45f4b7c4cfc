import { Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, DateColumn } from '../database/columns';

/**
 * The Monday of the week the demo city was first seeded. Every demo date (sessions, employment
 * starts) is laid out from it, so the demo looks alive on any day and seeding again changes nothing.
 */
@Entity()
export class SeedAnchor {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name: string;

  @DateColumn()
  weekStart: string;

  @CreatedAtColumn()
  createdAt: Date;
}
