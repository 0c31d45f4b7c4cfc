import { Injectable } from '@nestjs/common';
import { Principal } from '../../auth/principal';
import { PageQuery } from '../../common/pagination';
import { Problem } from '../../common/problem';
import { MeetingsService } from '../../mentorship/meetings/meetings.service';
import { MentorshipsService } from '../../mentorship/mentorships/mentorships.service';
import { PeopleService } from '../../people/people/people.service';

export const ALL_MEETINGS = Object.assign(new PageQuery(), { limit: 500 });

/**
 * One of the signed-in mentor's own mentorships (someone else's is 404, as a page never says it
 * exists), its mentee and its meetings with notes: MentorshipsService, PeopleService and
 * MeetingsService with the API's scope.
 */
@Injectable()
export class OwnMentorship {
  constructor(
    private readonly mentorships: MentorshipsService,
    private readonly meetings: MeetingsService,
    private readonly people: PeopleService,
  ) {}

  async read(principal: Principal, id: string) {
    const mentorship = await this.mentorships.get(principal, id);
    if (mentorship.mentorId !== principal.id) throw Problem.notFound('mentorship');
    const [mentee, meetings] = await Promise.all([this.people.get(principal, mentorship.menteeId), this.meetings.list(principal, id, ALL_MEETINGS)]);
    return { mentorship, mentee, meetings: meetings.items };
  }

  /** One meeting of the mentorship; a meeting of another mentorship (or deleted) is 404. */
  async meeting(principal: Principal, id: string, meetingId: string) {
    const found = await this.read(principal, id);
    const meeting = found.meetings.find((m) => m.id === meetingId);
    if (!meeting) throw Problem.notFound('meeting');
    return { ...found, meeting };
  }
}
