import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators';
import { IdParam } from '../../common/id-param';
import { isCalendarDate, todayIn } from '../../common/time';
import { AppConfig } from '../../config/app-config';
import { PageQuery } from '../../common/pagination';
import { PeopleService } from '../../people/people/people.service';
import { OrgUnitsService } from '../../people/org-units/org-units.service';
import { PlanLifecycle } from '../../plans/plans/plan-lifecycle.service';
import { PlansService } from '../../plans/plans/plans.service';
import { PlanTemplatesService } from '../../plans/plan-templates/plan-templates.service';
import { FieldErrors, formErrors } from '../forms';
import { render, seeOther } from '../render';
import { WebController } from '../web-page.decorator';
import { field, WebRequest } from '../web-request';
import { refusal } from '../refusals';
import { catalogueFilter, PlanBuilderPage, UUID } from './plan-builder.page';
import { Problem } from '../../common/problem';

/** Introducers and managers create a plan from a template (or empty), then build, activate and sign it. */
@WebController('plan-builder')
export class PlanBuilderController {
  constructor(
    private readonly page: PlanBuilderPage,
    private readonly plans: PlansService,
    private readonly lifecycle: PlanLifecycle,
    private readonly templates: PlanTemplatesService,
    private readonly people: PeopleService,
    private readonly units: OrgUnitsService,
    private readonly config: AppConfig,
  ) {}

  @Get('new')
  @Roles('introducer', 'manager')
  newPlan(@Req() req: WebRequest, @Res() reply: FastifyReply, @Query('hireId') hireId: string, @Query('registered') registered?: string) {
    return this.newPlanPage(req, reply, field({ hireId }, 'hireId'), { registered: registered === '1' });
  }

  @Post()
  @Roles('introducer', 'manager')
  async create(@Req() req: WebRequest, @Res() reply: FastifyReply, @Body() body: unknown) {
    const [hireId, startDate, templateId] = ['hireId', 'startDate', 'templateId'].map((name) => field(body, name));
    const errors: FieldErrors = isCalendarDate(startDate) ? [] : [{ field: 'startDate', key: 'planBuilder.errors.startDate' }];
    if (templateId && !UUID.test(templateId)) errors.push({ field: 'templateId', key: 'planBuilder.errors.template' });
    if (!errors.length) {
      try {
        const plan = await this.plans.create(req.web.principal!, { newHireId: hireId, startDate, ...(templateId ? { templateId } : {}) });
        return seeOther(reply, `/plan-builder/${plan.id}`);
      } catch (error) {
        errors.push(...refusal(error, 'templateId', 'planBuilder.errors.create'));
      }
    }
    return this.newPlanPage(req, reply, hireId, { startDate, templateId }, errors, 400);
  }

  @Get(':id')
  show(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @Query() query: unknown) {
    return this.page.render(req, reply, id, catalogueFilter(query));
  }

  @Post(':id/sign')
  @Roles('introducer', 'manager')
  async sign(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @Body() body: unknown) {
    const as = field(body, 'as');
    try {
      await this.lifecycle.sign(req.web.principal!, id, as === 'introducer' || as === 'manager' ? { as } : {});
      return this.page.done(req, reply, id, catalogueFilter(body), '#signing');
    } catch (error) {
      return this.page.render(req, reply, id, catalogueFilter(body), refusal(error, 'sign', 'planBuilder.errors.sign'), 409);
    }
  }

  @Post(':id/activate')
  @Roles('introducer', 'manager')
  async activate(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @Body() body: unknown) {
    try {
      await this.plans.update(req.web.principal!, id, { status: 'active' });
      return this.page.done(req, reply, id, catalogueFilter(body), '');
    } catch (error) {
      return this.page.render(req, reply, id, catalogueFilter(body), refusal(error, 'activate', 'planBuilder.errors.activate'), 409);
    }
  }

  /** The hire through PeopleService (same scope as GET /api/people/:id: 404 outside own units), the templates as GET /api/plan-templates. */
  private async newPlanPage(req: WebRequest, reply: FastifyReply, hireId: string, values: { startDate?: string; templateId?: string; registered?: boolean }, errors: FieldErrors = [], status = 200) {
    if (!UUID.test(hireId)) throw Problem.notFound('newHire');
    const hire = await this.people.get(req.web.principal!, hireId);
    const unit = await this.units.get(hire.orgUnitId);
    const templates = (await this.templates.list(Object.assign(new PageQuery(), { limit: 500 }))).items;
    const suggested = templates.find((t) => t.areaCode && t.areaCode === unit.areaCode)?.id ?? '';
    return render(
      req,
      reply,
      'plan-builder/new',
      {
        hire,
        registered: values.registered ?? false,
        templates,
        startDate: values.startDate ?? hire.employmentStart ?? todayIn(this.config.timeZone),
        templateId: values.templateId ?? suggested,
        errors: formErrors(errors, req.web),
      },
      status,
    );
  }
}
