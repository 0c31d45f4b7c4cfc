import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { PeopleModule } from './people/people.module';
import { HealthController } from './health/health.controller';
import { SeedModule } from './seed/seed.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { PlansModule } from './plans/plans.module';
import { EnrolmentModule } from './enrolment/enrolment.module';
import { ReportingModule } from './reporting/reporting.module';
import { FollowUpModule } from './follow-up/follow-up.module';
import { NoticesModule } from './notices/notices.module';
import { MentorshipModule } from './mentorship/mentorship.module';
import { CalendarModule } from './calendar/calendar.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    AuditModule,
    PeopleModule,
    AuthModule,
    CatalogueModule,
    PlansModule,
    EnrolmentModule,
    ReportingModule,
    MentorshipModule,
    CalendarModule,
    FollowUpModule,
    NoticesModule,
    WebModule,
    SeedModule,
  ],
  controllers: [HealthController],
})
export class AppModule {}
