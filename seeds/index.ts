import type { SeedStep } from './seed-context';
import { organisationSeed } from './organisation.seed';
import { catalogueSeed } from './catalogue.seed';
import { plansSeed } from './plans.seed';

/** Demo data, in dependency order (plans look up the catalogue's lectures and sessions, so they come after it). */
export const seedSteps: SeedStep[] = [organisationSeed, catalogueSeed, plansSeed];

/** Demo-only password of every seeded person (see README). */
export const DEMO_PASSWORD = 'lots-demo-2027';
