import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { PageQuery } from '../../common/pagination';
import { MeetingsService } from './meetings.service';
import { CreateMeetingDto, UpdateMeetingDto } from './dto/meeting.dto';

@ApiTags('mentorship')
@ApiBearerAuth()
@Controller('mentorships/:id/meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  list(@CurrentUser() user: Principal, @IdParam() id: string, @Query() query: PageQuery) {
    return this.meetings.list(user, id, query);
  }

  @Post()
  create(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: CreateMeetingDto) {
    return this.meetings.create(user, id, dto);
  }

  @Patch(':meetingId')
  update(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('meetingId') meetingId: string, @Body() dto: UpdateMeetingDto) {
    return this.meetings.update(user, id, meetingId, dto);
  }

  @Delete(':meetingId')
  @HttpCode(204)
  async remove(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('meetingId') meetingId: string) {
    await this.meetings.remove(user, id, meetingId);
  }
}
