import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { PeopleModule } from './people/people.module';
import { HealthController } from './health/health.controller';
import { SeedModule } from './seed/seed.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [ConfigModule, DatabaseModule, AuditModule, PeopleModule, AuthModule, SeedModule, WebModule],
  controllers: [HealthController],
})
export class AppModule {}
