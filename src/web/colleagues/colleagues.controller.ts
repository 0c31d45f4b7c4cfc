import { Get, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators';
import { hasRole } from '../../auth/principal';
import { OrgUnitsService } from '../../people/org-units/org-units.service';
import { PeopleService } from '../../people/people/people.service';
import { PersonQuery } from '../../people/people/dto/person.dto';
import { render } from '../render';
import { WebController } from '../web-page.decorator';
import type { WebRequest } from '../web-request';

const PAGE_SIZE = 50;

/** Colleagues and new hires: the same list and scope as GET /api/people (own units; everyone for coordinators). */
@WebController('colleagues')
@Roles('coordinator', 'introducer', 'manager')
export class ColleaguesController {
  constructor(
    private readonly people: PeopleService,
    private readonly units: OrgUnitsService,
  ) {}

  @Get()
  async list(@Req() req: WebRequest, @Res() reply: FastifyReply, @Query() query: PersonQuery) {
    const principal = req.web.principal!;
    const result = await this.people.list(principal, { ...query, limit: PAGE_SIZE, active: query.active ?? 'true' });
    const unitNames = await this.units.names(result.items.map((p) => p.orgUnitId));
    const rows = result.items.map((person) => ({ ...person, unitName: unitNames.get(person.orgUnitId) ?? '' }));
    const scope = hasRole(principal, 'coordinator') ? 'all' : 'ownUnits';
    const pageLink = (offset: number) => `/colleagues?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.role ? { role: query.role } : {}), offset: String(offset) })}`;
    const pagination = {
      previous: query.offset > 0 ? { href: pageLink(Math.max(0, query.offset - PAGE_SIZE)) } : undefined,
      next: query.offset + PAGE_SIZE < result.total ? { href: pageLink(query.offset + PAGE_SIZE) } : undefined,
    };
    return render(req, reply, 'colleagues/colleagues', { rows, total: result.total, query, scope, pagination, filtered: !!(query.q || query.role) });
  }
}
