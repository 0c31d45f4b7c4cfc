import { Module } from '@nestjs/common';
import { DigestJob } from './digest/digest.job';
import { NoticesService } from './notices.service';
import { NoticesController } from './outbox/notices.controller';
import { OutboxService } from './outbox/outbox.service';
import { NotificationPreferencesController } from './preferences/notification-preferences.controller';
import { NotificationPreferencesService } from './preferences/notification-preferences.service';
import { Clock, SystemClock } from './sender/clock';
import { Mailer } from './sender/mailer';
import { NoticeSender } from './sender/notice-sender';

/** E-mail notices: the outbox hooks (NoticesService), the per-process sender, preferences and the outbox routes. */
@Module({
  controllers: [NoticesController, NotificationPreferencesController],
  providers: [{ provide: Clock, useClass: SystemClock }, NoticesService, OutboxService, NotificationPreferencesService, Mailer, DigestJob, NoticeSender],
  exports: [NoticesService, NotificationPreferencesService],
})
export class NoticesModule {}
