import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn, UuidColumn } from '../../database/columns';

/** The resource bank: the city's own experienced staff (internal) and external lecturers. */
@Entity()
export class Lecturer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** e.g. "Polisen", "Försäkringskassan", or the city's own administration. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  organisation: string | null;

  @Column({ type: 'boolean', default: true })
  internal: boolean;

  /** The lecturer's own account, when they have one (internal staff); gives them their sessions and rosters. */
  @UuidColumn({ nullable: true })
  personId: string | null;

  @Column({ type: 'simple-json' })
  topics: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
