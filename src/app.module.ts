import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { PeopleModule } from './people/people.module';
import { HealthController } from './health/health.controller';
import { SeedModule } from './seed/seed.module';
import { MentorshipModule } from './mentorship/mentorship.module';
import { CalendarModule } from './calendar/calendar.module';

@Module({
  imports: [ConfigModule, DatabaseModule, AuditModule, PeopleModule, AuthModule, SeedModule, MentorshipModule, CalendarModule],
  controllers: [HealthController],
})
export class AppModule {}
