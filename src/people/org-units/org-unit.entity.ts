import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn, UuidColumn } from '../../database/columns';

export const ORG_UNIT_KINDS = ['administration', 'department', 'unit'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** Förvaltning, avdelning or enhet. `path` lists the ids from the root down, so "own units" is a prefix match. */
@Entity()
export class OrgUnit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: OrgUnitKind;

  @UuidColumn({ nullable: true })
  parentId: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  areaCode: string | null;

  /** The unit's code in the city's HR or finance system, for matching imports. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  externalCode: string | null;

  @Index()
  @Column({ type: 'varchar', length: 1000 })
  path: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
