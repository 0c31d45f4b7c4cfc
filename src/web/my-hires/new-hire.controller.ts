import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators';
import { PeopleService } from '../../people/people/people.service';
import { CreatePersonDto } from '../../people/people/dto/person.dto';
import { serviceErrors, validateDto } from '../catalogue/dto-form';
import { UnitChoices } from '../dashboard/unit-choices';
import { FieldErrors, formErrors } from '../forms';
import { render, seeOther } from '../render';
import { WebController } from '../web-page.decorator';
import { field, WebRequest } from '../web-request';

const FIELDS = ['name', 'email', 'orgUnitId', 'title', 'employmentStart'] as const;
type HireValues = Record<(typeof FIELDS)[number], string>;

/**
 * The posted form as CreatePersonDto. The role is always newhire: the form never binds roles,
 * password or language, whatever is posted.
 */
function hireInput(values: HireValues) {
  return {
    name: values.name,
    email: values.email,
    orgUnitId: values.orgUnitId,
    title: values.title || null,
    employmentStart: values.employmentStart || null,
    roles: ['newhire'],
  };
}

/**
 * Registering a new hire (introducers and managers, in their own units): PeopleService.create, as
 * POST /api/people, with the signed-in person. Then straight on to creating the hire's plan.
 */
@WebController('my-hires')
@Roles('introducer', 'manager')
export class NewHireController {
  constructor(
    private readonly people: PeopleService,
    private readonly units: UnitChoices,
  ) {}

  @Get('new')
  async form(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    const values = Object.fromEntries(FIELDS.map((name) => [name, ''])) as HireValues;
    return this.page(req, reply, { ...values, orgUnitId: req.web.principal!.orgUnitId }, []);
  }

  @Post('new')
  async register(@Req() req: WebRequest, @Res() reply: FastifyReply, @Body() body: unknown) {
    const values = Object.fromEntries(FIELDS.map((name) => [name, field(body, name).trim()])) as HireValues;
    const { dto, errors } = await validateDto(CreatePersonDto, hireInput(values), 'newHire', req.web.t);
    if (!errors.length) {
      try {
        const hire = await this.people.create(req.web.principal!, dto);
        return seeOther(reply, `/plan-builder/new?hireId=${hire.id}&registered=1`);
      } catch (error) {
        // The service's refusals (e-mail in use, a unit not among yours), translated beside their field.
        errors.push(...serviceErrors(error, 'email'));
      }
    }
    return this.page(req, reply, values, errors, 400);
  }

  private async page(req: WebRequest, reply: FastifyReply, values: HireValues, errors: FieldErrors, status = 200) {
    const units = await this.units.forPeople(req.web.principal!);
    return render(req, reply, 'my-hires/new-hire', { values, units, errors: formErrors(errors, req.web) }, status);
  }
}
