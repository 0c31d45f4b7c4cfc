import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { todayIn } from '../../common/time';
import { Plan } from '../../plans/plans/plan.entity';
import { ErasureService } from './erasure.service';

export interface RetentionRun {
  cutoff: string;
  erased: number;
  withinRetention: number;
}

/**
 * `npm run retention`: erases people who are no longer active and whose every plan ended
 * (completed or closed, or its end date passed) RETENTION_MONTHS or more ago. Erased people are
 * skipped, so running it daily is safe. One transaction per person.
 */
@Injectable()
export class RetentionErasureService {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
    private readonly erasure: ErasureService,
  ) {}

  async run(now = new Date()): Promise<RetentionRun> {
    const zone = this.config.timeZone;
    const cutoff = DateTime.fromISO(todayIn(zone, now)).minus({ months: this.config.retentionMonths }).toISODate()!;
    const plans = await this.db.manager
      .createQueryBuilder(Plan, 'plan')
      .innerJoin('person', 'p', 'p.id = plan.new_hire_id')
      .where('p.active = :active', { active: false })
      .andWhere('plan.new_hire_id NOT IN (SELECT er.person_id FROM erasure er)')
      .getMany();
    const endedBy = new Map<string, boolean>();
    for (const plan of plans) {
      const ended = this.endedOn(plan) <= cutoff;
      endedBy.set(plan.newHireId, (endedBy.get(plan.newHireId) ?? true) && ended);
    }
    const due = [...endedBy].filter(([, ended]) => ended).map(([id]) => id);
    for (const personId of due) await this.db.write((em) => this.erasure.erase(em, null, personId));
    return { cutoff, erased: due.length, withinRetention: endedBy.size - due.length };
  }

  private endedOn(plan: Plan): string {
    const at = plan.status === 'completed' ? plan.completedAt : plan.status === 'closed' ? plan.closedAt : null;
    return at ? DateTime.fromJSDate(at, { zone: this.config.timeZone }).toISODate()! : plan.endDate;
  }
}
