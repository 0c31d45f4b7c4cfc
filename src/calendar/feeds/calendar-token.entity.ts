import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, InstantColumn, UuidColumn } from '../../database/columns';

/** A private feed URL's secret, stored only as a SHA-256 hash. Revoked tokens answer 404. */
@Entity()
export class CalendarToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @UuidColumn()
  personId: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  /** Random; the URL's secret is HMAC(AUTH_SECRET, salt), so GET /api/me/calendar can show it again. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  salt: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @InstantColumn({ nullable: true })
  revokedAt: Date | null;
}
