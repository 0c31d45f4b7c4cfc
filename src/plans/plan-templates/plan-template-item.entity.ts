import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UuidColumn } from '../../database/columns';
import { PlanTemplate } from './plan-template.entity';

@Entity()
export class PlanTemplateItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @UuidColumn()
  templateId: string;

  @ManyToOne(() => PlanTemplate, (template) => template.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'template_id' })
  template: PlanTemplate;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 10 })
  kind: 'lecture' | 'activity';

  @UuidColumn({ nullable: true })
  lectureId: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  title: string | null;

  /** Months after the plan's start when an activity is due (lectures use their recommended month). */
  @Column({ type: 'integer', nullable: true })
  monthOffset: number | null;
}
