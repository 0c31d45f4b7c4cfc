import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { SeedService } from './seed/seed.service';

/** `npm run seed`: runs migrations, then upserts the demo data (safe to run again). */
async function main(): Promise<void> {
  process.env.SEED_DEMO = 'false';
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['log', 'error', 'warn'] });
  await app.get(SeedService).run();
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
