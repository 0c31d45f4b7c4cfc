import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Principal } from '../../auth/principal';
import { AppConfig } from '../../config/app-config';
import { LecturesService } from '../../catalogue/lectures/lectures.service';
import { LectureQuery } from '../../catalogue/lectures/dto/lecture.dto';
import { ThemesService } from '../../catalogue/themes/themes.service';
import { ThemeQuery } from '../../catalogue/themes/dto/theme.dto';
import { AreasService } from '../../people/areas/areas.service';
import { PageQuery } from '../../common/pagination';
import { OPEN_PLAN_STATUSES } from '../../plans/plans/plan.entity';
import { FieldErrors, formErrors } from '../forms';
import { render, seeOther } from '../render';
import type { WebRequest } from '../web-request';
import { BookingChoices, bookingOutcome } from '../plan-views/booking';
import { PlanReader } from '../plan-views/plan-reader';
import { pace } from '../plan-views/plan-time';
import { planBackLink } from '../plan-views/back-link';

const AREA = /^[a-z][a-z0-9_]{1,39}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The catalogue filter, kept in the page address and in every form of the page. */
export interface CatalogueFilter {
  themeId?: string;
  areaCode?: string;
}

export function catalogueFilter(source: unknown): CatalogueFilter {
  const value = (name: string) => {
    const v = (source as Record<string, unknown> | undefined)?.[name];
    return typeof v === 'string' ? v : '';
  };
  return { themeId: UUID.test(value('themeId')) ? value('themeId') : undefined, areaCode: AREA.test(value('areaCode')) ? value('areaCode') : undefined };
}

export function builderUrl(planId: string, filter: CatalogueFilter, anchor = ''): string {
  const params = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]));
  return `/plan-builder/${planId}${params.size ? `?${params}` : ''}${anchor}`;
}

const ALL = Object.assign(new PageQuery(), { limit: 500 });

/** The status pages (PlanLifeController) offered for each status. */
const LIFE_ACTIONS: Record<string, string[]> = { draft: ['close'], active: ['pause', 'complete', 'close'], paused: ['resume', 'close'], completed: [], closed: [] };

/** The banner after a status change: which one, and for a resume the days the dates moved. */
function changeNotice(query: unknown) {
  const booking = bookingOutcome(query);
  if (booking) return { changed: booking.outcome, position: booking.position };
  const changed = (query as Record<string, unknown> | undefined)?.changed;
  const days = Number((query as Record<string, unknown> | undefined)?.days);
  return typeof changed === 'string' && ['pause', 'resume', 'complete', 'close', 'details'].includes(changed) ? { changed, days: Number.isInteger(days) && days >= 0 ? days : 0 } : {};
}

/** The plan builder: the plan (PlanReader, scoped like GET /api/plans/:id) beside the catalogue (LecturesService, like GET /api/lectures). */
@Injectable()
export class PlanBuilderPage {
  constructor(
    private readonly reader: PlanReader,
    private readonly lectures: LecturesService,
    private readonly themes: ThemesService,
    private readonly areas: AreasService,
    private readonly booking: BookingChoices,
    private readonly config: AppConfig,
  ) {}

  async render(req: WebRequest, reply: FastifyReply, planId: string, filter: CatalogueFilter, errors: FieldErrors = [], status = 200) {
    const principal = req.web.principal!;
    const view = await this.reader.read(principal, planId);
    const inOwnUnits = await this.reader.mayEdit(principal, planId);
    const editable = OPEN_PLAN_STATUSES.includes(view.plan.status) && inOwnUnits;
    const inPlan = new Set(view.items.map((i) => i.lectureId));
    const catalogue = editable ? await this.catalogue(filter, inPlan) : null;
    const budget = this.config.trainingDayBudget;
    return render(
      req,
      reply,
      'plan-builder/plan',
      {
        ...view,
        names: Object.fromEntries(view.names),
        items: view.items.map((item) => ({ ...item, bookable: editable && this.booking.bookable(item) })),
        editable,
        back: planBackLink(principal, view.plan, inOwnUnits),
        catalogue,
        filter,
        selfUrl: builderUrl(planId, filter),
        filterFields: Object.entries(filter).filter(([, v]) => v),
        budget: { days: budget, used: view.figures.trainingDaysPlanned, percent: Math.min(100, Math.round((view.figures.trainingDaysPlanned / budget) * 100)), over: view.figures.trainingDaysPlanned > budget },
        pace: pace(view.plan, view.figures, this.reader.today()),
        signAs: editable ? this.signCapacities(principal, view.plan) : [],
        lifeActions: editable ? LIFE_ACTIONS[view.plan.status] : [],
        ...changeNotice(req.query),
        htmx: true,
        errors: formErrors(errors, req.web),
      },
      status,
    );
  }

  /**
   * After a successful change: see-other to the plan; for htmx, the plan page at once (the CSP's
   * upgrade-insecure-requests would send a redirected XMLHttpRequest to https on a plain-http server).
   */
  done(req: WebRequest, reply: FastifyReply, planId: string, filter: CatalogueFilter, anchor: string) {
    if (req.headers['hx-request'] === 'true') return this.render(req, reply, planId, filter);
    return seeOther(reply, builderUrl(planId, filter, anchor));
  }

  private async catalogue(filter: CatalogueFilter, inPlan: Set<string | null>) {
    const [themes, areas, found] = await Promise.all([
      this.themes.list(Object.assign(new ThemeQuery(), ALL)),
      this.areas.list(ALL),
      this.lectures.search(Object.assign(new LectureQuery(), { ...filter, active: true }), false),
    ]);
    const themeNames = new Map(themes.items.map((t) => [t.id, t.name]));
    const lectures = found.rows
      .map(({ lecture }) => ({
        id: lecture.id,
        title: lecture.title,
        themeName: themeNames.get(lecture.themeId) ?? '',
        themePosition: themes.items.find((t) => t.id === lecture.themeId)?.position ?? 0,
        days: Math.round((lecture.durationMinutes / this.config.dayMinutes) * 10) / 10,
        level: lecture.level,
        recommendedMonth: lecture.recommendedMonth,
        inPlan: inPlan.has(lecture.id),
      }))
      .sort((a, b) => a.themePosition - b.themePosition || (a.recommendedMonth ?? 99) - (b.recommendedMonth ?? 99) || a.title.localeCompare(b.title, 'sv'));
    return { themes: themes.items, areas: areas.items, lectures };
  }

  /** The parts this person may still sign: the plan's introducer or manager part, if it is theirs (or unnamed) and unsigned. */
  private signCapacities(principal: Principal, plan: { introducerId: string | null; managerId: string | null; introducerSignedBy: string | null; managerSignedBy: string | null }) {
    const parts: Array<'introducer' | 'manager'> = [];
    if (principal.roles.includes('introducer') && !plan.introducerSignedBy && (!plan.introducerId || plan.introducerId === principal.id) && plan.managerSignedBy !== principal.id) parts.push('introducer');
    if (principal.roles.includes('manager') && !plan.managerSignedBy && (!plan.managerId || plan.managerId === principal.id) && plan.introducerSignedBy !== principal.id) parts.push('manager');
    return parts;
  }
}
