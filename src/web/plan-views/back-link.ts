import type { Principal } from '../../auth/principal';
import { mayOpen } from '../nav';

/** Where a plan's back link may lead, most fitting first: a page that lists the plan, else one that follows plans up. */
const PLACES = [
  { href: '/my-plan', key: 'planBuilder.backToMyPlan', fits: (p: { own: boolean }) => p.own },
  { href: '/my-hires', key: 'planBuilder.back', fits: (p: { inOwnUnits: boolean }) => p.inOwnUnits },
  { href: '/mentees', key: 'mentees.back', fits: () => true },
  { href: '/dashboard', key: 'planBuilder.backToDashboard', fits: () => true },
];

/**
 * The back link of a plan page: to a page this person may open (nav's roles), never a 403. The
 * hire goes to their plan, introducers and managers of the hire's unit to their new hires, a
 * mentor to their mentees, a coordinator to the dashboard; anyone else to the start page.
 */
export function planBackLink(principal: Principal, plan: { newHireId: string }, inOwnUnits: boolean): { href: string; key: string } {
  const facts = { own: plan.newHireId === principal.id, inOwnUnits };
  const place = PLACES.find((p) => p.fits(facts) && mayOpen(principal, p.href));
  return place ? { href: place.href, key: place.key } : { href: '/', key: 'planBuilder.backToStart' };
}
