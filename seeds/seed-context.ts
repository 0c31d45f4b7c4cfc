import type { EntityManager } from 'typeorm';

export interface SeedContext {
  em: EntityManager;
  /** argon2 hash of the demo password, computed once per run. */
  demoPasswordHash: string;
  /** Monday (ISO date, programme zone) of the week the demo city was first seeded; see demo-calendar.ts. */
  anchor: string;
  log: (line: string) => void;
}

/** A seed step upserts by natural key, so running it twice changes nothing. */
export interface SeedStep {
  name: string;
  run(ctx: SeedContext): Promise<void>;
}
