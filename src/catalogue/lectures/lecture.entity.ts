import { Column, Entity, Index, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn, UuidColumn } from '../../database/columns';
import { Lecturer } from '../lecturers/lecturer.entity';

export const LEVELS = ['basic', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];
export const FORMATS = ['in_person', 'online'] as const;
export type Format = (typeof FORMATS)[number];

@Entity()
export class Lecture {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @UuidColumn()
  themeId: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'integer' })
  durationMinutes: number;

  @Column({ type: 'varchar', length: 10 })
  level: Level;

  @Column({ type: 'varchar', length: 10 })
  format: Format;

  /** Month of the two-year programme (1-24) in which the lecture is best taken. */
  @Column({ type: 'integer', nullable: true })
  recommendedMonth: number | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Areas of work the lecture targets; empty for lectures meant for everyone. */
  @Column({ type: 'simple-array' })
  areaCodes: string[];

  @ManyToMany(() => Lecturer)
  @JoinTable({ name: 'lecture_lecturer', joinColumn: { name: 'lecture_id' }, inverseJoinColumn: { name: 'lecturer_id' } })
  lecturers: Lecturer[];

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
