import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { AuditChanges, AuditEntry } from '../../audit/audit-entry.entity';
import { Principal } from '../../auth/principal';
import { Problem } from '../../common/problem';
import { CalendarToken } from '../../calendar/feeds/calendar-token.entity';
import { Lecturer } from '../../catalogue/lecturers/lecturer.entity';
import { MentorMeeting } from '../../mentorship/meetings/mentor-meeting.entity';
import { Mentorship } from '../../mentorship/mentorships/mentorship.entity';
import { Person } from '../../people/people/person.entity';
import { Erasure } from './erasure.entity';

/** Values of these fields are personal data: erased from the person, their lecturer profile and the audit trail. */
const PERSONAL_FIELDS = ['name', 'email', 'title'];
const ERASED = '[erased]';

export interface ErasureResult {
  personId: string;
  name: string;
  email: string;
  erasedAt: string;
  calendarTokensDeleted: number;
  meetingNotesDeleted: number;
}

/**
 * Erasure under GDPR, shared by POST /api/people/:id/erase and `npm run retention`: pseudonymises
 * name and e-mail, deletes the password hash, feed tokens and meeting notes, deactivates the
 * account, and strips the old values from the audit trail. Plans, enrolments, attendance, the
 * anonymous evaluations and the audit entries themselves stay, so figures still add up.
 */
@Injectable()
export class ErasureService {
  constructor(private readonly audit: AuditService) {}

  /** Runs inside the caller's Db.write transaction. */
  async erase(em: EntityManager, actor: Principal | null, personId: string): Promise<ErasureResult> {
    const person = await em.findOneBy(Person, { id: personId });
    if (!person) throw Problem.notFound('person');
    if (actor?.id === personId) throw Problem.conflict('privacy.eraseSelf');
    if (await em.existsBy(Erasure, { personId })) throw Problem.conflict('privacy.alreadyErased');
    const name = `Erased person ${personId.slice(0, 8)}`;
    const email = `erased-${personId}@erased.invalid`;
    await em.update(Person, { id: personId }, { name, email, title: null, passwordHash: null, active: false });
    const tokens = await em.delete(CalendarToken, { personId });
    const notes = await this.deleteMeetingNotes(em, personId);
    const lecturerIds = (await em.findBy(Lecturer, { personId })).map((l) => l.id);
    if (lecturerIds.length) await em.update(Lecturer, { id: In(lecturerIds) }, { name, email: null });
    await this.scrubAuditTrail(em, personId, lecturerIds);
    const erasedAt = new Date();
    await em.insert(Erasure, { personId, erasedAt });
    const changes: AuditChanges = {
      erased: { from: false, to: true },
      name: { from: ERASED, to: name },
      email: { from: ERASED, to: email },
      passwordHash: { from: '[redacted]', to: null },
    };
    if (person.active) changes.active = { from: true, to: false };
    await this.audit.record(em, actor, 'update', 'person', personId, changes, { subjectPersonId: personId });
    return {
      personId,
      name,
      email,
      erasedAt: erasedAt.toISOString(),
      calendarTokensDeleted: tokens.affected ?? 0,
      meetingNotesDeleted: notes,
    };
  }

  private async deleteMeetingNotes(em: EntityManager, personId: string): Promise<number> {
    const mentorships = await em.find(Mentorship, { where: [{ mentorId: personId }, { menteeId: personId }], select: { id: true } });
    if (!mentorships.length) return 0;
    const result = await em
      .createQueryBuilder()
      .update(MentorMeeting)
      .set({ notes: null })
      .where({ mentorshipId: In(mentorships.map((m) => m.id)) })
      .andWhere('notes IS NOT NULL')
      .execute();
    return result.affected ?? 0;
  }

  /** Keeps every entry (who did what, when) but replaces the old name, e-mail and title in the person's and lecturer profile's entries. */
  private async scrubAuditTrail(em: EntityManager, personId: string, lecturerIds: string[]): Promise<void> {
    const entries = await em.find(AuditEntry, {
      where: [
        { entityType: 'person', entityId: personId },
        ...(lecturerIds.length ? [{ entityType: 'lecturer', entityId: In(lecturerIds) }] : []),
      ],
    });
    for (const entry of entries) {
      if (!entry.changes || !PERSONAL_FIELDS.some((f) => f in entry.changes!)) continue;
      const changes = { ...entry.changes };
      for (const field of PERSONAL_FIELDS) {
        if (!changes[field]) continue;
        const erase = (v: unknown) => (v === null ? null : ERASED);
        changes[field] = { from: erase(changes[field].from), to: erase(changes[field].to) };
      }
      entry.changes = changes;
      await em.save(entry);
    }
  }
}
