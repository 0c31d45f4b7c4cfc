import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateColumn, UpdatedAtColumn, UuidColumn } from '../../database/columns';
import { Role } from '../../auth/roles';

@Entity()
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Stored lower-case; unique. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @UuidColumn()
  orgUnitId: string;

  @Column({ type: 'simple-array' })
  roles: Role[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @DateColumn({ nullable: true })
  employmentStart: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'varchar', length: 2, default: 'sv' })
  language: 'sv' | 'en';

  @Column({ type: 'varchar', length: 200, nullable: true, select: false })
  passwordHash: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
