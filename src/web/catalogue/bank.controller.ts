import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators';
import { IdParam } from '../../common/id-param';
import { LecturersService } from '../../catalogue/lecturers/lecturers.service';
import { CreateLecturerDto, UpdateLecturerDto } from '../../catalogue/lecturers/dto/lecturer.dto';
import { VenuesService } from '../../catalogue/venues/venues.service';
import { CreateVenueDto, UpdateVenueDto } from '../../catalogue/venues/dto/venue.dto';
import { FieldErrors, formErrors } from '../forms';
import { render, seeOther } from '../render';
import { WebController } from '../web-page.decorator';
import { field, WebRequest } from '../web-request';
import { saveForm } from './dto-form';

type Kind = 'lecturer' | 'venue';

/** The posted lecturer form as CreateLecturerDto fields: topics one per line (or separated by commas). */
function lecturerInput(body: unknown) {
  return {
    name: field(body, 'name').trim(),
    email: field(body, 'email').trim() || null,
    organisation: field(body, 'organisation').trim() || null,
    internal: field(body, 'internal') === 'true',
    topics: field(body, 'topics').split(/[\n,]/).map((topic) => topic.trim()).filter(Boolean),
    active: field(body, 'active') === 'true',
  };
}

function venueInput(body: unknown) {
  const capacity = field(body, 'capacity').trim();
  return {
    name: field(body, 'name').trim(),
    address: field(body, 'address').trim() || null,
    capacity: /^\d+$/.test(capacity) ? Number(capacity) : capacity,
    active: field(body, 'active') === 'true',
  };
}

const asValues = (record: object) => {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) values[key] = Array.isArray(value) ? value.join('\n') : value === null ? '' : String(value);
  return values;
};

/** Adding and changing lecturers in the bank and venues (the API's services and rules; coordinators only). */
@WebController('catalogue')
@Roles('coordinator')
export class BankController {
  constructor(
    private readonly lecturers: LecturersService,
    private readonly venues: VenuesService,
  ) {}

  @Get('lecturers/new')
  newLecturer(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    return this.form(req, reply, 'lecturer', null, { internal: 'true', active: 'true' }, []);
  }

  @Post('lecturers/new')
  async createLecturer(@Req() req: WebRequest, @Res() reply: FastifyReply, @Body() body: unknown) {
    const errors = await saveForm(CreateLecturerDto, lecturerInput(body), this.formOf(req, 'name'), (dto) => this.lecturers.create(req.web.principal!, dto));
    return this.done(req, reply, 'lecturer', null, body, errors);
  }

  @Get('lecturers/:id')
  async editLecturer(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string) {
    return this.form(req, reply, 'lecturer', id, asValues(await this.lecturers.get(id)), []);
  }

  @Post('lecturers/:id')
  async updateLecturer(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @Body() body: unknown) {
    await this.lecturers.get(id);
    const errors = await saveForm(UpdateLecturerDto, lecturerInput(body), this.formOf(req, 'name'), (dto) => this.lecturers.update(req.web.principal!, id, dto));
    return this.done(req, reply, 'lecturer', id, body, errors);
  }

  @Get('venues/new')
  newVenue(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    return this.form(req, reply, 'venue', null, { active: 'true' }, []);
  }

  @Post('venues/new')
  async createVenue(@Req() req: WebRequest, @Res() reply: FastifyReply, @Body() body: unknown) {
    const errors = await saveForm(CreateVenueDto, venueInput(body), this.formOf(req, 'name'), (dto) => this.venues.create(req.web.principal!, dto));
    return this.done(req, reply, 'venue', null, body, errors);
  }

  @Get('venues/:id')
  async editVenue(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string) {
    return this.form(req, reply, 'venue', id, asValues(await this.venues.get(id)), []);
  }

  @Post('venues/:id')
  async updateVenue(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @Body() body: unknown) {
    await this.venues.get(id);
    const errors = await saveForm(UpdateVenueDto, venueInput(body), this.formOf(req, 'name'), (dto) => this.venues.update(req.web.principal!, id, dto));
    return this.done(req, reply, 'venue', id, body, errors);
  }

  private formOf(req: WebRequest, fallbackField: string) {
    return { section: 'catalogue', t: req.web.t, fallbackField };
  }

  /** Back to the list after saving; the form again, with what was posted, when something was refused. */
  private done(req: WebRequest, reply: FastifyReply, kind: Kind, id: string | null, body: unknown, errors: FieldErrors) {
    if (!errors.length) return seeOther(reply, `/catalogue/${kind}s?saved=1`);
    return this.form(req, reply, kind, id, body as Record<string, string>, errors, 400);
  }

  private form(req: WebRequest, reply: FastifyReply, kind: Kind, id: string | null, values: Record<string, string>, errors: FieldErrors, status = 200) {
    return render(req, reply, `catalogue/${kind}-form`, { id, values, errors: formErrors(errors, req.web) }, status);
  }
}
