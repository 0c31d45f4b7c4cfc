import { Injectable } from '@nestjs/common';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { DataVersion } from '../../database/data-version.service';
import { ReadCache } from '../../database/read-cache';
import { Principal } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { Person } from '../../people/people/person.entity';
import { CalendarToken } from './calendar-token.entity';

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface CalendarLinks {
  url: string;
  webcalUrl: string;
}

/**
 * Private feed URLs. The secret in the URL is HMAC-SHA256(AUTH_SECRET, salt) with a 256-bit random
 * salt: the database holds the salt and the SHA-256 of the secret, never the secret, so a copy of
 * the database alone opens no feed, while GET /api/me/calendar can show the same URL again.
 */
@Injectable()
export class CalendarTokensService {
  /** Secret hash to person, kept until data changes: rotating or deactivating is a write. */
  private readonly resolved: ReadCache<string | null>;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    version: DataVersion,
  ) {
    this.resolved = version.cache({ ttlMs: 60_000 });
  }

  /** The caller's feed links; the token is made on the first call. */
  async links(principal: Principal): Promise<CalendarLinks> {
    const current = await this.db.manager.findOneBy(CalendarToken, { personId: principal.id, revokedAt: IsNull() });
    const secret = current && this.secretOf(current);
    if (secret) return this.toLinks(secret);
    return this.db.write(async (em) => {
      await this.lockPerson(em, principal.id);
      const again = await em.findOneBy(CalendarToken, { personId: principal.id, revokedAt: IsNull() });
      const valid = again && this.secretOf(again);
      if (valid) return this.toLinks(valid);
      // A token whose secret no longer derives (AUTH_SECRET changed) is replaced.
      if (again) await this.revokeAll(em, principal);
      return this.toLinks(await this.issue(em, principal));
    });
  }

  /** A new URL; the old one answers 404 from now on. */
  rotate(principal: Principal): Promise<CalendarLinks> {
    return this.db.write(async (em) => {
      await this.lockPerson(em, principal.id);
      await this.revokeAll(em, principal);
      return this.toLinks(await this.issue(em, principal));
    });
  }

  revoke(principal: Principal): Promise<void> {
    return this.db.write(async (em) => {
      await this.lockPerson(em, principal.id);
      await this.revokeAll(em, principal);
    });
  }

  /** The person behind a feed secret, or null (unknown, revoked, or person deactivated). */
  async resolve(secret: string): Promise<string | null> {
    if (!TOKEN_PATTERN.test(secret)) return null;
    const hash = sha256(secret);
    return this.resolved.get(hash, async () => {
      const row = await this.db.manager
        .createQueryBuilder(CalendarToken, 't')
        .innerJoin(Person, 'p', 'p.id = t.person_id AND p.active = :active', { active: true })
        .where('t.token_hash = :hash AND t.revoked_at IS NULL', { hash })
        .getOne();
      return row?.personId ?? null;
    });
  }

  private secretOf(token: CalendarToken): string | null {
    if (!token.salt) return null;
    const secret = this.derive(token.salt);
    return sha256(secret) === token.tokenHash ? secret : null;
  }

  private derive(salt: string): string {
    return createHmac('sha256', this.config.authSecret).update(`calendar-feed:${salt}`).digest('base64url');
  }

  private async issue(em: EntityManager, principal: Principal): Promise<string> {
    const salt = randomBytes(32).toString('base64url');
    const secret = this.derive(salt);
    const token = em.create(CalendarToken, { personId: principal.id, salt, tokenHash: sha256(secret), revokedAt: null });
    await em.insert(CalendarToken, token);
    await this.audit.created(em, principal, 'calendar-token', token.id, { personId: principal.id }, { subjectPersonId: principal.id });
    return secret;
  }

  private async revokeAll(em: EntityManager, principal: Principal): Promise<void> {
    const active = await em.findBy(CalendarToken, { personId: principal.id, revokedAt: IsNull() });
    for (const token of active) {
      await em.update(CalendarToken, { id: token.id }, { revokedAt: new Date() });
      await this.audit.deleted(em, principal, 'calendar-token', token.id, { subjectPersonId: principal.id });
    }
  }

  private async lockPerson(em: EntityManager, personId: string): Promise<void> {
    if (this.db.isPostgres) await em.createQueryBuilder(Person, 'p').setLock('pessimistic_write').where('p.id = :personId', { personId }).getOne();
  }

  private toLinks(secret: string): CalendarLinks {
    const url = `${this.config.publicBaseUrl}/calendar/${secret}.ics`;
    return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
  }
}
