import { hasRole, Principal } from '../auth/principal';
import type { Role } from '../auth/roles';
import type { Translate } from './i18n/i18n';

interface NavEntry {
  href: string;
  /** Translation key of the link text. */
  key: string;
  /** Who sees the link (admin always does); everyone signed in when left out. Keep in step with the controller's @Roles. */
  roles?: Role[];
}

/**
 * The navigation, in display order. A new screen is one line here. Screens still to come:
 * catalogue (coordinator), sessions (coordinator, lecturer), dashboard (coordinator, introducer,
 * manager), my new hires (introducer, manager), plan builder (introducer), my plan (newhire),
 * mentees (mentor). Their texts are already in the translation files under nav.*.
 */
export const NAV: NavEntry[] = [
  { href: '/', key: 'nav.start' },
  { href: '/colleagues', key: 'nav.colleagues', roles: ['coordinator', 'introducer', 'manager'] },
  { href: '/my-hires', key: 'nav.newHires', roles: ['introducer', 'manager'] },
  { href: '/my-plan', key: 'nav.myPlan', roles: ['newhire'] },
  { href: '/mentees', key: 'nav.mentees', roles: ['mentor'] },
  { href: '/catalogue', key: 'nav.catalogue', roles: ['coordinator'] },
  { href: '/schedule', key: 'nav.sessions', roles: ['coordinator', 'lecturer'] },
  { href: '/dashboard', key: 'nav.dashboard', roles: ['coordinator', 'introducer', 'manager'] },
  { href: '/profile', key: 'nav.profile' },
];

/** Whether the person may open a page of the navigation (the same roles as its controller's @Roles). */
export function mayOpen(principal: Principal, href: string): boolean {
  const entry = NAV.find((e) => e.href === href);
  return !!entry && (!entry.roles || hasRole(principal, ...entry.roles));
}

export interface NavItem {
  href: string;
  text: string;
  current: boolean;
  active: boolean;
}

export function navFor(principal: Principal | null, path: string, t: Translate): NavItem[] {
  if (!principal) return [];
  const bare = path.split('?')[0];
  return NAV.filter((entry) => !entry.roles || hasRole(principal, ...entry.roles)).map((entry) => ({
    href: entry.href,
    text: t(entry.key),
    current: bare === entry.href,
    active: entry.href !== '/' && bare.startsWith(`${entry.href}/`),
  }));
}
