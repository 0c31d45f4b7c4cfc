import type { SeedStep } from './seed-context';
import { organisationSeed } from './organisation.seed';
import { catalogueSeed } from './catalogue.seed';
import { plansSeed } from './plans.seed';
import { mentorshipsSeed } from './mentorships.seed';

/** Demo data, in dependency order (plans look up the catalogue's lectures and sessions, so they come after it). */
export const seedSteps: SeedStep[] = [organisationSeed, catalogueSeed, plansSeed, mentorshipsSeed];

/** Demo-only password of every seeded person (see README). */
export const DEMO_PASSWORD = 'lots-demo-2027';
