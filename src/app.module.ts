import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { PeopleModule } from './people/people.module';
import { HealthController } from './health/health.controller';
import { SeedModule } from './seed/seed.module';
import { PlansModule } from './plans/plans.module';
import { EnrolmentModule } from './enrolment/enrolment.module';
import { ReportingModule } from './reporting/reporting.module';

@Module({
  imports: [ConfigModule, DatabaseModule, AuditModule, PeopleModule, AuthModule, PlansModule, EnrolmentModule, ReportingModule, SeedModule],
  controllers: [HealthController],
})
export class AppModule {}
