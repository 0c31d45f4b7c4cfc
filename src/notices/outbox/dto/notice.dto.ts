import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { formatInstant } from '../../../common/time';
import { Notice, NOTICE_KINDS, NOTICE_STATUSES, NoticeKind, NoticeStatus } from '../notice.entity';
import type { NoticePayload } from '../../notice-payload';

export class NoticeQuery extends PageQuery {
  @ApiPropertyOptional({ enum: NOTICE_STATUSES })
  @IsOptional()
  @IsIn(NOTICE_STATUSES)
  status?: NoticeStatus;

  @ApiPropertyOptional({ enum: NOTICE_KINDS })
  @IsOptional()
  @IsIn(NOTICE_KINDS)
  kind?: NoticeKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  recipientId?: string;
}

export class NoticeResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind: NoticeKind;
  @ApiProperty({ enum: NOTICE_STATUSES }) status: NoticeStatus;
  @ApiProperty() recipientId: string;
  @ApiProperty({ nullable: true, type: String }) recipientName: string | null;
  @ApiProperty({ enum: ['sv', 'en'] }) language: 'sv' | 'en';
  @ApiProperty() dedupeKey: string;
  @ApiProperty({ nullable: true, type: String }) sessionId: string | null;
  @ApiProperty({ nullable: true, type: String }) enrolmentId: string | null;
  @ApiProperty({ example: '2027-02-03T09:00:00+01:00' }) sendAfter: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: Object, description: "what the notice says; names of other people (payload.personal) for admins only" })
  payload: NoticePayload;
}

export function toNoticeResponse(n: Notice, recipientName: string | null, zone: string, showPersonal: boolean): NoticeResponse {
  const { personal, ...rest } = n.payload;
  return {
    id: n.id,
    kind: n.kind,
    status: n.status,
    recipientId: n.recipientId,
    recipientName,
    language: n.language,
    dedupeKey: n.dedupeKey,
    sessionId: n.sessionId,
    enrolmentId: n.enrolmentId,
    sendAfter: formatInstant(n.sendAfter, zone),
    attempts: n.attempts,
    lastError: n.lastError,
    sentAt: formatInstant(n.sentAt, zone),
    createdAt: formatInstant(n.createdAt, zone),
    payload: showPersonal ? n.payload : rest,
  };
}
