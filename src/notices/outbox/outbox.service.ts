import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { hasRole, Principal } from '../../auth/principal';
import { page } from '../../common/pagination';
import { Problem } from '../../common/problem';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Person } from '../../people/people/person.entity';
import { peopleById } from '../notice-facts';
import { Clock } from '../sender/clock';
import { Notice } from './notice.entity';
import { NoticeQuery, toNoticeResponse } from './dto/notice.dto';

/** The outbox as admins and coordinators see it: status of every notice, and resending failed ones. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: NoticeQuery) {
    const qb = this.db.manager
      .createQueryBuilder(Notice, 'n')
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(query.limit)
      .skip(query.offset);
    if (query.status) qb.andWhere('n.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('n.kind = :kind', { kind: query.kind });
    if (query.recipientId) qb.andWhere('n.recipient_id = :recipientId', { recipientId: query.recipientId });
    const [rows, total] = await qb.getManyAndCount();
    const names = await peopleById(this.db.manager, rows.map((n) => n.recipientId));
    const admin = hasRole(principal, 'admin');
    return page(rows, total, query, (n) => toNoticeResponse(n, names.get(n.recipientId)?.name ?? null, this.config.timeZone, admin));
  }

  /** A failed notice goes back to the queue with a fresh set of attempts. */
  resend(principal: Principal, id: string) {
    return this.db.write(async (em) => {
      const notice = await em.findOneBy(Notice, { id });
      if (!notice) throw Problem.notFound('notice');
      if (notice.status !== 'failed') throw Problem.conflict('notices.resendOnlyFailed', { status: notice.status });
      const patch = { status: 'pending' as const, attempts: 0, sendAfter: this.clock.now() };
      await this.audit.updated(em, principal, 'notice', id, notice, patch, { subjectPersonId: notice.recipientId });
      await em.update(Notice, { id, status: 'failed' }, patch);
      const recipient = await em.findOneBy(Person, { id: notice.recipientId });
      return toNoticeResponse({ ...notice, ...patch }, recipient?.name ?? null, this.config.timeZone, hasRole(principal, 'admin'));
    });
  }
}
