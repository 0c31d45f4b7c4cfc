import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Problem } from '../../common/problem';
import { parseInstant } from '../../common/time';
import { page, PageQuery } from '../../common/pagination';
import { Principal } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { Mentorship } from '../mentorships/mentorship.entity';
import { MentorshipsService } from '../mentorships/mentorships.service';
import { MentorMeeting } from './mentor-meeting.entity';
import { CreateMeetingDto, toMeetingResponse, UpdateMeetingDto } from './dto/meeting.dto';

const isParty = (m: Mentorship, principal: Principal) => principal.id === m.mentorId || principal.id === m.menteeId;

/** Meetings of a mentorship: everyone who may read the mentorship sees them; only mentor and mentee see the notes. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly mentorships: MentorshipsService,
    private readonly config: AppConfig,
  ) {}

  async list(principal: Principal, mentorshipId: string, query: PageQuery) {
    const mentorship = await this.mentorships.findReadable(this.db.manager, principal, mentorshipId);
    const [rows, total] = await this.db.manager.findAndCount(MentorMeeting, {
      where: { mentorshipId },
      order: { startsAt: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    const showNotes = isParty(mentorship, principal);
    return page(rows, total, query, (m) => toMeetingResponse(m, this.config.timeZone, showNotes));
  }

  create(actor: Principal, mentorshipId: string, dto: CreateMeetingDto) {
    const startsAt = parseInstant(dto.startsAt);
    const endsAt = parseInstant(dto.endsAt);
    assertOrder(startsAt, endsAt);
    return this.db.write(async (em) => {
      const mentorship = await this.findLoggable(em, actor, mentorshipId);
      const now = new Date();
      const meeting = em.create(MentorMeeting, {
        mentorshipId,
        startsAt,
        endsAt,
        location: dto.location ?? null,
        notes: dto.notes ?? null,
        sequence: 0,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(MentorMeeting, meeting);
      const { id, createdAt, updatedAt, deletedAt, ...fields } = meeting;
      await this.audit.created(em, actor, 'mentor-meeting', id, fields, { subjectPersonId: mentorship.menteeId });
      return toMeetingResponse(meeting, this.config.timeZone, true);
    });
  }

  update(actor: Principal, mentorshipId: string, meetingId: string, dto: UpdateMeetingDto) {
    return this.db.write(async (em) => {
      const mentorship = await this.findLoggable(em, actor, mentorshipId);
      const meeting = await this.findMeeting(em, mentorshipId, meetingId);
      const patch = {
        startsAt: dto.startsAt === undefined ? meeting.startsAt : parseInstant(dto.startsAt),
        endsAt: dto.endsAt === undefined ? meeting.endsAt : parseInstant(dto.endsAt),
        location: dto.location === undefined ? meeting.location : dto.location,
        notes: dto.notes === undefined ? meeting.notes : dto.notes,
      };
      assertOrder(patch.startsAt, patch.endsAt);
      const moved =
        patch.startsAt.getTime() !== meeting.startsAt.getTime() || patch.endsAt.getTime() !== meeting.endsAt.getTime() || patch.location !== meeting.location;
      await this.audit.updated(em, actor, 'mentor-meeting', meetingId, meeting, patch, { subjectPersonId: mentorship.menteeId });
      Object.assign(meeting, patch, { sequence: meeting.sequence + (moved ? 1 : 0), updatedAt: new Date() });
      await em.save(meeting);
      return toMeetingResponse(meeting, this.config.timeZone, true);
    });
  }

  /** Keeps a tombstone without notes, so calendar feeds notice the deletion (Last-Modified). */
  remove(actor: Principal, mentorshipId: string, meetingId: string) {
    return this.db.write(async (em) => {
      const mentorship = await this.findLoggable(em, actor, mentorshipId);
      await this.findMeeting(em, mentorshipId, meetingId);
      const now = new Date();
      await em.update(MentorMeeting, { id: meetingId }, { deletedAt: now, updatedAt: now, notes: null });
      await this.audit.deleted(em, actor, 'mentor-meeting', meetingId, { subjectPersonId: mentorship.menteeId });
    });
  }

  /** The mentor logs the meetings of their own mentorship; others who can see it get 403, the rest 404. */
  private async findLoggable(em: EntityManager, actor: Principal, mentorshipId: string): Promise<Mentorship> {
    const mentorship = await this.mentorships.findReadable(em, actor, mentorshipId);
    if (mentorship.mentorId !== actor.id) throw Problem.forbidden('meetings.mentorOnly');
    return mentorship;
  }

  private async findMeeting(em: EntityManager, mentorshipId: string, id: string): Promise<MentorMeeting> {
    const meeting = await em.findOneBy(MentorMeeting, { id, mentorshipId });
    if (!meeting) throw Problem.notFound('meeting');
    return meeting;
  }
}

function assertOrder(startsAt: Date, endsAt: Date): void {
  if (endsAt <= startsAt) throw Problem.invalidField('endsAt', 'times.endNotAfterStart');
}
