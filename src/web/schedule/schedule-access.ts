import { Injectable } from '@nestjs/common';
import { hasRole, Principal } from '../../auth/principal';
import { Lecturer } from '../../catalogue/lecturers/lecturer.entity';
import { Problem } from '../../common/problem';
import { Db } from '../../database/db.service';
import { isLecturerOf } from '../../enrolment/enrolments/enrolment-access';

/** Who sees which sessions on the schedule pages: coordinators all, lecturers the sessions they teach (others: 404). */
@Injectable()
export class ScheduleAccess {
  constructor(private readonly db: Db) {}

  async assertMayOpen(principal: Principal, sessionId: string): Promise<void> {
    if (hasRole(principal, 'coordinator')) return;
    if (!(await isLecturerOf(this.db.manager, principal.id, sessionId))) throw Problem.notFound('session');
  }

  /** The lecturer-bank entries that are this person's own account (usually one). */
  async lecturerIdsOf(personId: string): Promise<string[]> {
    return (await this.db.manager.find(Lecturer, { where: { personId }, select: { id: true } })).map((l) => l.id);
  }
}
