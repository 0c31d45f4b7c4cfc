import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { NoticeQuery, NoticeResponse } from './dto/notice.dto';
import { OutboxService } from './outbox.service';

@ApiTags('notices')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @Roles('coordinator')
  list(@CurrentUser() user: Principal, @Query() query: NoticeQuery) {
    return this.outbox.list(user, query);
  }

  @Post(':id/resend')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeResponse })
  resend(@CurrentUser() user: Principal, @IdParam() id: string) {
    return this.outbox.resend(user, id);
  }
}
