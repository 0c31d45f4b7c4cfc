import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { MentorshipsService } from './mentorships.service';
import { CreateMentorshipDto, MentorshipQuery, UpdateMentorshipDto } from './dto/mentorship.dto';

@ApiTags('mentorship')
@ApiBearerAuth()
@Controller('mentorships')
export class MentorshipsController {
  constructor(private readonly mentorships: MentorshipsService) {}

  @Get()
  list(@CurrentUser() user: Principal, @Query() query: MentorshipQuery) {
    return this.mentorships.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: Principal, @IdParam() id: string) {
    return this.mentorships.get(user, id);
  }

  @Post()
  @Roles('coordinator', 'introducer', 'manager')
  create(@CurrentUser() user: Principal, @Body() dto: CreateMentorshipDto) {
    return this.mentorships.create(user, dto);
  }

  @Patch(':id')
  @Roles('coordinator', 'introducer', 'manager')
  update(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: UpdateMentorshipDto) {
    return this.mentorships.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('coordinator', 'introducer', 'manager')
  @HttpCode(204)
  async remove(@CurrentUser() user: Principal, @IdParam() id: string) {
    await this.mentorships.remove(user, id);
  }
}
