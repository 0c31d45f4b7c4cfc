import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../../database/columns';

export const AUDIENCES = ['all', 'area'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** A themed block of the programme, e.g. "Välkommen till staden" (all) or an area-specific block. */
@Entity()
export class Theme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 10 })
  audience: Audience;

  @Column({ type: 'varchar', length: 40, nullable: true })
  areaCode: string | null;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
