import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { CalendarTokensService } from './calendar-tokens.service';

class CalendarLinksResponse {
  @ApiProperty({ example: 'https://lots.example.se/calendar/3q2-7wVn...ics' }) url: string;
  @ApiProperty({ example: 'webcal://lots.example.se/calendar/3q2-7wVn...ics' }) webcalUrl: string;
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('me/calendar')
export class MeCalendarController {
  constructor(private readonly tokens: CalendarTokensService) {}

  @Get()
  @ApiOkResponse({ type: CalendarLinksResponse, description: 'Your private feed; made on the first call' })
  links(@CurrentUser() user: Principal) {
    return this.tokens.links(user);
  }

  @Post('rotate')
  @HttpCode(200)
  @ApiOkResponse({ type: CalendarLinksResponse, description: 'A new URL; the old one answers 404 at once' })
  rotate(@CurrentUser() user: Principal) {
    return this.tokens.rotate(user);
  }

  @Delete()
  @HttpCode(204)
  async revoke(@CurrentUser() user: Principal) {
    await this.tokens.revoke(user);
  }
}
