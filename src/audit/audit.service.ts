import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { page } from '../common/pagination';
import type { AuditQuery } from './audit.controller';
import { Principal } from '../auth/principal';
import { AuditAction, AuditChanges, AuditEntry } from './audit-entry.entity';

/** Fields whose values never enter the audit trail, only the fact that they changed. */
const REDACTED = new Set(['password', 'passwordHash', 'notes', 'tokenHash']);

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value === undefined ? null : value;
}

function redact(field: string, value: unknown): unknown {
  return REDACTED.has(field) ? '[redacted]' : plain(value);
}

export interface AuditTarget {
  subjectPersonId?: string | null;
}

export const toAuditResponse = (e: AuditEntry) => ({
  id: e.id,
  at: e.at.toISOString(),
  actorId: e.actorId,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  subjectPersonId: e.subjectPersonId,
  changes: e.changes,
});

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: AuditQuery) {
    const qb = this.dataSource.manager
      .createQueryBuilder(AuditEntry, 'a')
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(query.limit)
      .skip(query.offset);
    for (const key of ['entityType', 'entityId', 'actorId', 'subjectPersonId'] as const) {
      if (query[key]) qb.andWhere(`a.${key} = :${key}`, { [key]: query[key] });
    }
    const [rows, total] = await qb.getManyAndCount();
    return page(rows, total, query, toAuditResponse);
  }

  async record(
    em: EntityManager,
    actor: Principal | null,
    action: AuditAction,
    entityType: string,
    entityId: string,
    changes: AuditChanges | null,
    target: AuditTarget = {},
  ): Promise<AuditEntry> {
    const entry = em.create(AuditEntry, {
      at: new Date(),
      actorId: actor?.id ?? null,
      action,
      entityType,
      entityId,
      changes,
      subjectPersonId: target.subjectPersonId ?? null,
    });
    // insert, not save: one row in every write transaction, without save()'s change tracking.
    await em.insert(AuditEntry, entry as QueryDeepPartialEntity<AuditEntry>);
    return entry;
  }

  created(em: EntityManager, actor: Principal | null, type: string, id: string, values: object, target?: AuditTarget) {
    const changes: AuditChanges = {};
    for (const [field, value] of Object.entries(values)) changes[field] = { from: null, to: redact(field, value) };
    return this.record(em, actor, 'create', type, id, changes, target);
  }

  /** Records only the fields that really change; call before applying `patch`. */
  async updated(
    em: EntityManager,
    actor: Principal | null,
    type: string,
    id: string,
    before: object,
    patch: object,
    target?: AuditTarget,
  ): Promise<void> {
    const changes: AuditChanges = {};
    for (const [field, to] of Object.entries(patch)) {
      if (to === undefined) continue;
      const from = (before as Record<string, unknown>)[field];
      if (JSON.stringify(plain(from)) !== JSON.stringify(plain(to))) {
        changes[field] = { from: redact(field, from), to: redact(field, to) };
      }
    }
    if (Object.keys(changes).length) await this.record(em, actor, 'update', type, id, changes, target);
  }

  deleted(em: EntityManager, actor: Principal | null, type: string, id: string, target?: AuditTarget) {
    return this.record(em, actor, 'delete', type, id, null, target);
  }
}
