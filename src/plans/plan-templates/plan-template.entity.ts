import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../../database/columns';
import { PlanTemplateItem } from './plan-template-item.entity';

/** A starting point for plans in one area of work: lectures and local activities. */
@Entity()
export class PlanTemplate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  areaCode: string | null;

  @OneToMany(() => PlanTemplateItem, (item) => item.template, { cascade: true })
  items: PlanTemplateItem[];

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
