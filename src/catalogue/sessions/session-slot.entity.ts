import { Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../database/columns';
import { Session } from './session.entity';

/** One dated part of a session (a day of a two-day course). Slots of a session never overlap. */
@Entity()
@Index(['startsAt', 'endsAt'])
export class SessionSlot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @UuidColumn()
  sessionId: string;

  @ManyToOne(() => Session, (session) => session.slots, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session: Session;

  @InstantColumn()
  startsAt: Date;

  @InstantColumn()
  endsAt: Date;
}
