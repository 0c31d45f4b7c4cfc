import { Module } from '@nestjs/common';
import { CalendarTokensService } from './feeds/calendar-tokens.service';
import { FeedsController } from './feeds/feeds.controller';
import { FeedsService } from './feeds/feeds.service';
import { MeCalendarController } from './feeds/me-calendar.controller';

@Module({
  controllers: [MeCalendarController, FeedsController],
  providers: [CalendarTokensService, FeedsService],
  exports: [CalendarTokensService],
})
export class CalendarModule {}
