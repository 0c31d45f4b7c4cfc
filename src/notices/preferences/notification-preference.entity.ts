import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../../database/columns';

/** Which optional notices a person wants; no row means all of them. */
@Entity()
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @Column({ type: 'boolean', default: true })
  reminders: boolean;

  @Column({ type: 'boolean', default: true })
  digest: boolean;

  @Column({ type: 'boolean', default: true })
  evaluationRequests: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
