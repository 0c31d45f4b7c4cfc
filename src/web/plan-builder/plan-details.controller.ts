import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { Roles } from '../../auth/decorators';
import { IdParam } from '../../common/id-param';
import { Problem } from '../../common/problem';
import { isCalendarDate } from '../../common/time';
import { MentorshipQuery } from '../../mentorship/mentorships/dto/mentorship.dto';
import { MentorshipsService } from '../../mentorship/mentorships/mentorships.service';
import { PersonQuery } from '../../people/people/dto/person.dto';
import { PeopleService } from '../../people/people/people.service';
import { UpdatePlanDto } from '../../plans/plans/dto/plan.dto';
import { PlansService } from '../../plans/plans/plans.service';
import type { Principal } from '../../auth/principal';
import type { Role } from '../../auth/roles';
import { FieldErrors, formErrors } from '../forms';
import { render, seeOther } from '../render';
import { WebController } from '../web-page.decorator';
import { field, WebRequest } from '../web-request';
import { Refusal, refusalOf } from '../refusals';
import { AppConfig } from '../../config/app-config';
import { PlanReader } from '../plan-views/plan-reader';

const PEOPLE = { introducerId: 'introducer', managerId: 'manager', mentorId: 'mentor' } as const satisfies Record<string, Role>;
type PersonField = keyof typeof PEOPLE;
const FIELDS = ['startDate', 'endDate', ...(Object.keys(PEOPLE) as PersonField[])] as const;
type Values = Record<(typeof FIELDS)[number], string>;

/**
 * A plan's dates and people (PATCH /api/plans/:id through PlansService). Naming a new mentor also
 * starts the mentorship (MentorshipsService, with its MENTOR_MAX_MENTEES check) before the plan
 * names them, ending the hire's current one the day before; a refusal there leaves the plan as it was.
 */
const refusalIn = (error: unknown): Refusal => {
  const { code, params } = refusalOf(error);
  return { code, params };
};

@WebController('plan-builder/:id/details')
@Roles('introducer', 'manager')
export class PlanDetailsController {
  constructor(
    private readonly plans: PlansService,
    private readonly reader: PlanReader,
    private readonly people: PeopleService,
    private readonly mentorships: MentorshipsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async show(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string) {
    const plan = await this.plans.get(req.web.principal!, id);
    const values = Object.fromEntries(FIELDS.map((name) => [name, plan[name] ?? ''])) as Values;
    return this.page(req, reply, id, values);
  }

  @Post()
  async save(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @Body() body: unknown) {
    const principal = req.web.principal!;
    const values = Object.fromEntries(FIELDS.map((name) => [name, field(body, name).trim()])) as Values;
    const errors: FieldErrors = (['startDate', 'endDate'] as const).filter((name) => !isCalendarDate(values[name])).map((name) => ({ field: name, key: `planDetails.errors.${name}` }));
    if (!errors.length && values.endDate <= values.startDate) errors.push({ field: 'endDate', key: 'planDetails.errors.order' });
    if (!errors.length) {
      const plan = await this.plans.get(principal, id);
      // The mentorship first: its refusals (the mentor's capacity) stand beside the mentor, and the plan is left as it was.
      if (values.mentorId && values.mentorId !== plan.mentorId) {
        await this.startMentorship(principal, plan.newHireId, values.mentorId).catch((error) => errors.push({ field: 'mentorId', refusal: refusalIn(error) }));
      }
      if (!errors.length) {
        const dto: UpdatePlanDto = { startDate: values.startDate, endDate: values.endDate };
        for (const name of Object.keys(PEOPLE) as PersonField[]) dto[name] = values[name] || null;
        try {
          await this.plans.update(principal, id, dto);
          return seeOther(reply, `/plan-builder/${id}?changed=details`);
        } catch (error) {
          const field = refusalOf(error).errors?.find((e) => FIELDS.includes(e.field as never))?.field ?? 'startDate';
          errors.push({ field, refusal: refusalIn(error) });
        }
      }
    }
    return this.page(req, reply, id, values, errors, 400);
  }

  /**
   * The hire's mentorship with the new mentor, unless it is already theirs. The current one ends
   * yesterday; one that began today (a mentor named by mistake) is removed. The capacity is checked
   * before anything changes.
   */
  private async startMentorship(principal: Principal, menteeId: string, mentorId: string) {
    const active = (query: Partial<MentorshipQuery>) => this.mentorships.list(principal, Object.assign(new MentorshipQuery(), { active: 'true', limit: 500, ...query }));
    const current = (await active({ menteeId })).items;
    if (current.some((m) => m.mentorId === mentorId)) return;
    if ((await active({ mentorId })).items.length >= this.config.mentorMaxMentees) throw Problem.conflict('mentorships.mentorFull', { max: this.config.mentorMaxMentees });
    const today = DateTime.now().setZone(this.reader.zone()).toISODate()!;
    for (const m of current) {
      if (m.startDate >= today) await this.mentorships.remove(principal, m.id);
      else await this.mentorships.update(principal, m.id, { endDate: DateTime.fromISO(today).minus({ days: 1 }).toISODate()! });
    }
    await this.mentorships.create(principal, { mentorId, menteeId, startDate: today });
  }

  private async page(req: WebRequest, reply: FastifyReply, id: string, values: Values, errors: FieldErrors = [], status = 200) {
    const principal = req.web.principal!;
    if (!(await this.reader.mayEdit(principal, id))) throw Problem.forbidden();
    const view = await this.reader.read(principal, id);
    const choices = Object.fromEntries(
      await Promise.all(
        (Object.entries(PEOPLE) as [PersonField, Role][]).map(async ([name, role]) => {
          const found = await this.people.list(principal, Object.assign(new PersonQuery(), { role, active: 'true', limit: 500 }));
          const items = found.items.map((p) => ({ value: p.id, text: p.name }));
          // Someone already named stays a choice even outside the caller's units.
          if (values[name] && !items.some((i) => i.value === values[name])) items.unshift({ value: values[name], text: view.names.get(values[name]) ?? values[name] });
          return [name, items];
        }),
      ),
    );
    return render(req, reply, 'plan-builder/details', { plan: view.plan, hire: view.hire, values, choices, errors: formErrors(errors, req.web) }, status);
  }
}
