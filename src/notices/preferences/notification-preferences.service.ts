import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Principal } from '../../auth/principal';
import { Db } from '../../database/db.service';
import { Person } from '../../people/people/person.entity';
import { Notice } from '../outbox/notice.entity';
import { NotificationPreference } from './notification-preference.entity';
import { NotificationPreferencesResponse, UpdateNotificationPreferencesDto } from './dto/notification-preferences.dto';

const DEFAULTS = { reminders: true, digest: true, evaluationRequests: true };

@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  get(principal: Principal): Promise<NotificationPreferencesResponse> {
    return this.read(this.db.manager, principal.id);
  }

  /** Changes the caller's choices; a new language also applies to their notices still queued. */
  update(principal: Principal, dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesResponse> {
    return this.db.write(async (em) => {
      const before = await this.read(em, principal.id);
      const { language, ...flags } = dto;
      await em.save(NotificationPreference, em.create(NotificationPreference, { ...before, ...flags, personId: principal.id }));
      if (language && language !== before.language) {
        await em.update(Person, { id: principal.id }, { language });
        await em.update(Notice, { recipientId: principal.id, status: 'pending' }, { language });
      }
      await this.audit.updated(em, principal, 'notification-preference', principal.id, before, dto, { subjectPersonId: principal.id });
      return this.read(em, principal.id);
    });
  }

  private async read(em: EntityManager, personId: string): Promise<NotificationPreferencesResponse> {
    const person = await em.findOneByOrFail(Person, { id: personId });
    const row = await em.findOneBy(NotificationPreference, { personId });
    return {
      reminders: row?.reminders ?? DEFAULTS.reminders,
      digest: row?.digest ?? DEFAULTS.digest,
      evaluationRequests: row?.evaluationRequests ?? DEFAULTS.evaluationRequests,
      language: person.language,
    };
  }
}
