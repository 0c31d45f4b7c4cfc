import { Injectable } from '@nestjs/common';
import { Principal } from '../../auth/principal';
import { MeetingsService } from '../../mentorship/meetings/meetings.service';
import { MentorshipQuery } from '../../mentorship/mentorships/dto/mentorship.dto';
import { MentorshipsService } from '../../mentorship/mentorships/mentorships.service';
import { ALL_MEETINGS } from '../mentees/own-mentorship';

/**
 * The new hire's mentor meetings: their mentorships as mentee (GET /api/mentorships?menteeId=me) and
 * each one's meetings (GET /api/mentorships/:id/meetings), where the mentee sees the notes as the mentor does.
 */
@Injectable()
export class MyMeetings {
  constructor(
    private readonly mentorships: MentorshipsService,
    private readonly meetings: MeetingsService,
  ) {}

  async of(principal: Principal) {
    const { items } = await this.mentorships.list(principal, Object.assign(new MentorshipQuery(), { menteeId: principal.id, limit: 20 }));
    const lists = await Promise.all(items.map((m) => this.meetings.list(principal, m.id, ALL_MEETINGS)));
    const all = lists.flatMap((list) => list.items).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    const now = Date.now();
    return {
      mentored: items.length > 0,
      upcoming: all.filter((m) => Date.parse(m.endsAt) > now),
      past: all.filter((m) => Date.parse(m.endsAt) <= now).reverse(),
    };
  }
}
