import { Module } from '@nestjs/common';
import { MentorshipsController } from './mentorships/mentorships.controller';
import { MentorshipsService } from './mentorships/mentorships.service';
import { MeetingsController } from './meetings/meetings.controller';
import { MeetingsService } from './meetings/meetings.service';

@Module({
  controllers: [MentorshipsController, MeetingsController],
  providers: [MentorshipsService, MeetingsService],
  exports: [MentorshipsService, MeetingsService],
})
export class MentorshipModule {}
