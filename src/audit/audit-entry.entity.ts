import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../database/columns';

export type AuditAction = 'create' | 'update' | 'delete' | 'read';
export type AuditChanges = Record<string, { from: unknown; to: unknown }>;

/** Who did what to which record. Written in the transaction of the change it describes. */
@Entity()
@Index(['entityType', 'entityId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @InstantColumn()
  at: Date;

  @UuidColumn({ nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 10 })
  action: AuditAction;

  @Column({ type: 'varchar', length: 40 })
  entityType: string;

  @Column({ type: 'varchar', length: 80 })
  entityId: string;

  /** The person the record is about, for access requests under GDPR. */
  @Index()
  @UuidColumn({ nullable: true })
  subjectPersonId: string | null;

  @Column({ type: 'simple-json', nullable: true })
  changes: AuditChanges | null;
}
