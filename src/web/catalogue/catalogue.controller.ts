import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators';
import { IdParam } from '../../common/id-param';
import { AppConfig } from '../../config/app-config';
import { LecturersService } from '../../catalogue/lecturers/lecturers.service';
import { LecturesService } from '../../catalogue/lectures/lectures.service';
import { CreateLectureDto, LectureQuery, LectureResponse, UpdateLectureDto } from '../../catalogue/lectures/dto/lecture.dto';
import { ThemesService } from '../../catalogue/themes/themes.service';
import { VenuesService } from '../../catalogue/venues/venues.service';
import { AreasService } from '../../people/areas/areas.service';
import { FieldErrors, formErrors } from '../forms';
import { render, seeOther } from '../render';
import { WebController } from '../web-page.decorator';
import { WebRequest } from '../web-request';
import { saveForm } from './dto-form';
import { lectureInput, lectureValues, LENGTH_FIELDS, postedValues } from './lecture-form';

const ALL = { limit: 500, offset: 0 };

/** The coordinator's catalogue: lectures by themed block, the lecturer bank and venues (the API's services and rules). */
@WebController('catalogue')
@Roles('coordinator')
export class CatalogueController {
  constructor(
    private readonly lectures: LecturesService,
    private readonly themes: ThemesService,
    private readonly lecturers: LecturersService,
    private readonly venues: VenuesService,
    private readonly areas: AreasService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async list(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    const [themes, { rows }, areaNames] = await Promise.all([this.themes.list(ALL), this.lectures.search(ALL as LectureQuery, false), this.areaNames()]);
    const blocks = themes.items.map((theme) => ({
      theme,
      lectures: rows
        .filter((row) => row.lecture.themeId === theme.id)
        .map(({ lecture }) => ({ ...lecture, ...this.length(lecture.durationMinutes), areaNames: lecture.areaCodes.map((c) => areaNames.get(c) ?? c) })),
    }));
    return render(req, reply, 'catalogue/lectures', { blocks, saved: savedOf(req) });
  }

  @Get('lecturers')
  async lecturerBank(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    return render(req, reply, 'catalogue/lecturers', { lecturers: (await this.lecturers.list(ALL)).items, saved: savedOf(req) });
  }

  @Get('venues')
  async venueList(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    return render(req, reply, 'catalogue/venues', { venues: (await this.venues.list(ALL)).items, saved: savedOf(req) });
  }

  @Get('lectures/new')
  newLecture(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    return this.form(req, reply, null, lectureValues(null), []);
  }

  @Post('lectures/new')
  async create(@Req() req: WebRequest, @Res() reply: FastifyReply, @Body() body: unknown) {
    const input = lectureInput(body, this.config.dayMinutes);
    const errors = await saveForm(CreateLectureDto, input, this.formOf(req), (dto) => this.lectures.create(req.web.principal!, dto));
    return errors.length ? this.form(req, reply, null, postedValues(body), errors, 400) : seeOther(reply, '/catalogue?saved=1');
  }

  @Get('lectures/:id')
  async edit(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string) {
    const lecture = await this.lectures.get(id);
    return this.form(req, reply, lecture, lectureValues(lecture, this.config.dayMinutes, req.web.lang), []);
  }

  @Post('lectures/:id')
  async update(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @Body() body: unknown) {
    const lecture = await this.lectures.get(id);
    const input = lectureInput(body, this.config.dayMinutes);
    const errors = await saveForm(UpdateLectureDto, input, this.formOf(req), (dto) => this.lectures.update(req.web.principal!, id, dto));
    return errors.length ? this.form(req, reply, lecture, postedValues(body), errors, 400) : seeOther(reply, '/catalogue?saved=1');
  }

  private formOf(req: WebRequest) {
    return { section: 'catalogue', t: req.web.t, fallbackField: 'title', map: lengthField };
  }

  private async form(req: WebRequest, reply: FastifyReply, lecture: LectureResponse | null, values: unknown, errors: FieldErrors, status = 200) {
    const [themes, lecturers, areas] = await Promise.all([this.themes.list(ALL), this.lecturers.list({ ...ALL, active: true }), this.areas.list(ALL)]);
    return render(req, reply, 'catalogue/lecture-form', { lecture, values, dayHours: this.config.dayMinutes / 60, themes: themes.items, lecturers: lecturers.items, areas: areas.items, errors: formErrors(errors, req.web) }, status);
  }

  private async areaNames(): Promise<Map<string, string>> {
    return new Map((await this.areas.list(ALL)).items.map((a) => [a.code, a.name]));
  }

  /** A lecture's length as the catalogue shows it: training days (DAY_MINUTES) and hours. */
  private length(minutes: number) {
    return { days: Math.round((minutes / this.config.dayMinutes) * 10) / 10, hours: Math.round((minutes / 60) * 10) / 10 };
  }
}

const savedOf = (req: WebRequest) => (req.query as Record<string, string>).saved === '1';

/** The form asks for the length in days and hours; the DTO's durationMinutes is reported beside them. */
const lengthField = (field: string) => (field === 'durationMinutes' ? LENGTH_FIELDS[0] : field);
