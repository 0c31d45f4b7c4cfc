import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { hasRole, ownUnitsCondition, Principal } from '../../auth/principal';
import { CsvColumn } from '../../common/csv';
import { Problem } from '../../common/problem';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Session } from '../../catalogue/sessions/session.entity';
import { OrgUnit } from '../../people/org-units/org-unit.entity';
import { Person } from '../../people/people/person.entity';
import { Enrolment } from './enrolment.entity';
import { isLecturerOf } from './enrolment-access';
import { RosterRow, toEnrolmentResponse } from './dto/enrolment.dto';

const ORDER = { booked: 0, waitlisted: 1, cancelled: 2 };

export const ROSTER_CSV: CsvColumn<RosterRow>[] = [
  { header: 'name', value: (r) => r.personName },
  { header: 'email', value: (r) => r.personEmail },
  { header: 'unit', value: (r) => r.orgUnitName },
  { header: 'status', value: (r) => r.status },
  { header: 'waitlistPosition', value: (r) => r.waitlistPosition },
  { header: 'attendance', value: (r) => r.attendance },
  { header: 'bookedAt', value: (r) => r.bookedAt },
];

@Injectable()
export class RosterService {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
  ) {}

  /**
   * The session's places: booked first, then the waitlist in order. Coordinators and the session's
   * lecturers see everyone; introducers and managers only people in their own units.
   */
  async roster(actor: Principal, sessionId: string, includeCancelled: boolean): Promise<RosterRow[]> {
    const em = this.db.manager;
    if (!(await em.existsBy(Session, { id: sessionId }))) throw Problem.notFound('session');
    const qb = em.createQueryBuilder(Enrolment, 'e').where('e.session_id = :sessionId', { sessionId });
    if (!includeCancelled) qb.andWhere("e.status <> 'cancelled'");
    if (!hasRole(actor, 'coordinator') && !(await isLecturerOf(em, actor.id, sessionId))) {
      if (!hasRole(actor, 'introducer', 'manager')) throw Problem.notFound('session');
      const own = ownUnitsCondition('rp.org_unit_id', actor);
      qb.andWhere(`e.person_id IN (SELECT rp.id FROM person rp WHERE ${own.sql})`, own.params);
    }
    const enrolments = await qb.getMany();
    const waiting = await em.find(Enrolment, { where: { sessionId, status: 'waitlisted' }, order: { queueNumber: 'ASC' }, select: { id: true } });
    const positions = new Map(waiting.map((w, i) => [w.id, i + 1]));
    const people = new Map((await this.findIn(Person, enrolments.map((e) => e.personId))).map((p) => [p.id, p]));
    const units = new Map((await this.findIn(OrgUnit, [...people.values()].map((p) => p.orgUnitId))).map((u) => [u.id, u]));
    return enrolments
      .map((e) => {
        const person = people.get(e.personId)!;
        return {
          ...toEnrolmentResponse(e, positions.get(e.id) ?? null, this.config.timeZone),
          personName: person.name,
          personEmail: person.email,
          orgUnitName: units.get(person.orgUnitId)?.name ?? null,
        };
      })
      .sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) || a.personName.localeCompare(b.personName, 'sv'));
  }

  private findIn<T extends { id: string }>(entity: new () => T, ids: string[]): Promise<T[]> {
    const unique = [...new Set(ids)];
    return unique.length ? this.db.manager.findBy(entity, { id: In(unique) } as never) : Promise.resolve([]);
  }
}
