import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { RetentionErasureService } from './follow-up/privacy/retention-erasure.service';

/** `npm run retention`: erases people past the retention period (safe to run daily). Prints counts, never names. */
async function main(): Promise<void> {
  process.env.SEED_DEMO = 'false';
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  const months = app.get(AppConfig).retentionMonths;
  const run = await app.get(RetentionErasureService).run();
  console.log(
    `Retention (RETENTION_MONTHS=${months}): erased ${run.erased} inactive people whose plans ended on or before ${run.cutoff}; ` +
      `${run.withinRetention} inactive people not yet due.`,
  );
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
