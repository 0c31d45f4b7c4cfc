import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Db } from '../database/db.service';
import { hashPassword } from '../auth/password';
import { Person } from '../people/people/person.entity';
import { DEMO_PASSWORD, seedSteps } from '../../seeds';
import type { SeedStep } from '../../seeds/seed-context';
import { demoAnchor } from '../../seeds/demo-calendar';

@Injectable()
export class SeedService implements OnModuleInit {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly config: AppConfig,
    private readonly db: Db,
  ) {}

  /** SEED_DEMO=true loads the demo city into an empty database, before the bootstrap admin is made. */
  async onModuleInit(): Promise<void> {
    if (!this.config.seedDemo) return;
    if ((await this.db.manager.count(Person)) > 0) return;
    await this.run();
  }

  /** Runs the seed steps (all by default) in one transaction. */
  async run(steps: SeedStep[] = seedSteps): Promise<void> {
    const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
    await this.db.write(async (em) => {
      const anchor = await demoAnchor(em);
      for (const step of steps) await step.run({ em, demoPasswordHash, anchor, log: (line) => this.logger.log(line) });
    });
  }
}
