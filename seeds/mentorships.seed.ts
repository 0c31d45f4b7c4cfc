import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { Mentorship } from '../src/mentorship/mentorships/mentorship.entity';
import { MentorMeeting } from '../src/mentorship/meetings/mentor-meeting.entity';
import { Person } from '../src/people/people/person.entity';
import { DEMO_ZONE } from './demo-calendar';
import type { SeedStep } from './seed-context';

/** Demo mentor -> mentee pairs (at most 3 mentees per mentor, the default MENTOR_MAX_MENTEES). */
const PAIRS: [mentor: string, mentee: string][] = [
  ['birgitta.olsson', 'amanda.lind'],
  ['birgitta.olsson', 'hugo.sandberg'],
  ['eva.nordin', 'ali.rahimi'],
  ['omar.hassan', 'oskar.nyberg'],
  ['omar.hassan', 'sara.johansson'],
  ['ulla.forsberg', 'maja.eriksson'],
  ['maria.ekstrom', 'yusuf.abdi'],
  ['jonas.mattsson', 'viktor.engstrom'],
  ['lena.hedlund', 'emil.soderberg'],
  ['lena.hedlund', 'nora.axelsson'],
];

const MEETINGS = [
  { weeks: 2, location: 'Fikarummet, plan 3', notes: 'Första träffen: förväntningar, delegationsordningen och hur vi håller kontakt.' },
  { weeks: 6, location: 'Grupprum Ekorren', notes: 'Gick igenom ett första ärende och hur en utredning planeras.' },
  { weeks: 10, location: null, notes: 'Promenadmöte. Arbetsbelastning och var man får stöd.' },
];

const email = (name: string) => `${name}@storvik.example`;

async function upsertMentorship(em: EntityManager, mentor: Person, mentee: Person): Promise<Mentorship> {
  const existing = await em.findOneBy(Mentorship, { mentorId: mentor.id, menteeId: mentee.id });
  if (existing) return existing;
  const startDate = mentee.employmentStart ?? DateTime.now().setZone(DEMO_ZONE).toISODate()!;
  return em.save(em.create(Mentorship, { mentorId: mentor.id, menteeId: mentee.id, startDate, endDate: null }));
}

export const mentorshipsSeed: SeedStep = {
  name: 'mentorships',
  async run({ em, log }) {
    let meetings = 0;
    for (const [mentorName, menteeName] of PAIRS) {
      const mentor = await em.findOneByOrFail(Person, { email: email(mentorName) });
      const mentee = await em.findOneByOrFail(Person, { email: email(menteeName) });
      const mentorship = await upsertMentorship(em, mentor, mentee);
      const first = DateTime.fromISO(mentorship.startDate, { zone: DEMO_ZONE }).set({ hour: 14 });
      for (const meeting of MEETINGS) {
        const startsAt = first.plus({ weeks: meeting.weeks }).toJSDate();
        if (await em.existsBy(MentorMeeting, { mentorshipId: mentorship.id, startsAt })) continue;
        const endsAt = first.plus({ weeks: meeting.weeks, hours: 1 }).toJSDate();
        await em.save(em.create(MentorMeeting, { mentorshipId: mentorship.id, startsAt, endsAt, location: meeting.location, notes: meeting.notes, sequence: 0 }));
        meetings++;
      }
    }
    log(`mentorships: ${PAIRS.length} pairs, ${meetings} new meetings`);
  },
};
