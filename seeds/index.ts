import type { SeedStep } from './seed-context';
import { organisationSeed } from './organisation.seed';
import { mentorshipsSeed } from './mentorships.seed';

/** Demo data, in dependency order. */
export const seedSteps: SeedStep[] = [organisationSeed, mentorshipsSeed];

/** Demo-only password of every seeded person (see README). */
export const DEMO_PASSWORD = 'lots-demo-2027';
