import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators';
import { IdParam } from '../../common/id-param';
import { Problem } from '../../common/problem';
import { EvaluationsService } from '../../follow-up/evaluations/evaluations.service';
import { ProgrammeEvaluationsService } from '../../follow-up/programme/programme-evaluations.service';
import { FieldErrors, formErrors } from '../forms';
import { render, seeOther } from '../render';
import { WebController } from '../web-page.decorator';
import { field, WebRequest } from '../web-request';
import { refusal } from '../refusals';
import { MyPlan } from './my-plan.page';

interface Answer {
  rating: number;
  comment?: string;
}

/** Rating 1-5 and an optional comment, checked as the API's DTO would. */
function readAnswer(body: unknown, errors: FieldErrors): Answer {
  const rating = Number(field(body, 'rating'));
  const comment = field(body, 'comment').trim();
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) errors.push({ field: 'rating', key: 'evaluation.errors.rating' });
  if (comment.length > 2000) errors.push({ field: 'comment', key: 'evaluation.errors.comment' });
  return { rating, ...(comment ? { comment } : {}) };
}

/** Evaluating an attended session (EvaluationsService) and the programme (ProgrammeEvaluationsService), once each. */
@WebController('my-plan')
@Roles('newhire')
export class MyEvaluationsController {
  constructor(
    private readonly myPlan: MyPlan,
    private readonly sessions: EvaluationsService,
    private readonly programme: ProgrammeEvaluationsService,
  ) {}

  @Get('evaluations/:enrolmentId')
  session(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam('enrolmentId') enrolmentId: string) {
    return this.sessionPage(req, reply, enrolmentId);
  }

  @Post('evaluations/:enrolmentId')
  async evaluateSession(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam('enrolmentId') enrolmentId: string, @Body() body: unknown) {
    const errors: FieldErrors = [];
    const answer = readAnswer(body, errors);
    if (!errors.length) {
      try {
        await this.sessions.submit(req.web.principal!, enrolmentId, answer);
        return seeOther(reply, '/my-plan?evaluated=1');
      } catch (error) {
        errors.push(...refusal(error, 'rating', 'evaluation.errors.refused'));
      }
    }
    return this.sessionPage(req, reply, enrolmentId, errors, 400);
  }

  @Get('programme-evaluation')
  programmePage(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    return this.programmeForm(req, reply);
  }

  @Post('programme-evaluation')
  async evaluateProgramme(@Req() req: WebRequest, @Res() reply: FastifyReply, @Body() body: unknown) {
    const errors: FieldErrors = [];
    const answer = readAnswer(body, errors);
    const recommend = field(body, 'recommend');
    if (recommend !== 'yes' && recommend !== 'no') errors.push({ field: 'recommend', key: 'evaluation.errors.recommend' });
    const planId = await this.myPlan.currentId(req.web.principal!);
    if (!planId) throw Problem.notFound('plan');
    if (!errors.length) {
      try {
        await this.programme.submit(req.web.principal!, planId, { ...answer, recommend: recommend === 'yes' });
        return seeOther(reply, '/my-plan?programme=1');
      } catch (error) {
        errors.push(...refusal(error, 'rating', 'evaluation.errors.refused'));
      }
    }
    return this.programmeForm(req, reply, errors, 400);
  }

  private async sessionPage(req: WebRequest, reply: FastifyReply, enrolmentId: string, errors: FieldErrors = [], status = 200) {
    const view = await this.myPlan.view(req.web.principal!);
    const item = view?.items.find((i) => i.enrolment?.id === enrolmentId && i.enrolment.attendance === 'attended');
    if (!item) throw Problem.notFound('enrolment');
    return render(req, reply, 'my-plan/evaluate', { item, action: `/my-plan/evaluations/${enrolmentId}`, kind: 'session', errors: formErrors(errors, req.web) }, status);
  }

  private async programmeForm(req: WebRequest, reply: FastifyReply, errors: FieldErrors = [], status = 200) {
    const view = await this.myPlan.view(req.web.principal!);
    if (!view) throw Problem.notFound('plan');
    const programme = await this.myPlan.programmeEvaluation(view);
    return render(req, reply, 'my-plan/evaluate', { programme, action: '/my-plan/programme-evaluation', kind: 'programme', errors: formErrors(errors, req.web) }, status);
  }
}
