import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators';
import { IdParam } from '../../common/id-param';
import { AppConfig } from '../../config/app-config';
import { MeetingsService } from '../../mentorship/meetings/meetings.service';
import { FieldErrors, formErrors } from '../forms';
import { render, seeOther } from '../render';
import { WebController } from '../web-page.decorator';
import type { WebRequest } from '../web-request';
import { refusal } from '../refusals';
import { meetingDto, meetingErrors, MeetingValues, meetingValues, postedMeeting } from './meeting-form';
import { OwnMentorship } from './own-mentorship';

/**
 * A mentor changes or deletes a meeting of their own mentorship: MeetingsService.update and .remove,
 * as PATCH and DELETE /api/mentorships/:id/meetings/:meetingId. Deleting is confirmed on a page of its own.
 */
@WebController('mentees')
@Roles('mentor')
export class MeetingPagesController {
  constructor(
    private readonly own: OwnMentorship,
    private readonly meetings: MeetingsService,
    private readonly config: AppConfig,
  ) {}

  @Get(':id/meetings/:meetingId/edit')
  async edit(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @IdParam('meetingId') meetingId: string) {
    return this.form(req, reply, id, meetingId, null, []);
  }

  @Post(':id/meetings/:meetingId/edit')
  async change(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @IdParam('meetingId') meetingId: string, @Body() body: unknown) {
    const values = postedMeeting(body);
    const errors = meetingErrors(values, this.config.timeZone);
    if (!errors.length) {
      try {
        await this.meetings.update(req.web.principal!, id, meetingId, meetingDto(values, this.config.timeZone));
        return seeOther(reply, `/mentees/${id}?changed=1`);
      } catch (error) {
        errors.push(...refusal(error, 'date', 'mentees.errors.refused'));
      }
    }
    return this.form(req, reply, id, meetingId, values, errors, 400);
  }

  @Get(':id/meetings/:meetingId/delete')
  async confirm(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @IdParam('meetingId') meetingId: string) {
    return render(req, reply, 'mentees/meeting-delete', await this.own.meeting(req.web.principal!, id, meetingId));
  }

  @Post(':id/meetings/:meetingId/delete')
  async remove(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @IdParam('meetingId') meetingId: string) {
    await this.meetings.remove(req.web.principal!, id, meetingId);
    return seeOther(reply, `/mentees/${id}?deleted=1`);
  }

  private async form(req: WebRequest, reply: FastifyReply, id: string, meetingId: string, values: MeetingValues | null, errors: FieldErrors, status = 200) {
    const found = await this.own.meeting(req.web.principal!, id, meetingId);
    const shown = values ?? meetingValues(found.meeting, this.config.timeZone);
    return render(req, reply, 'mentees/meeting-edit', { ...found, values: shown, errors: formErrors(errors, req.web) }, status);
  }
}
