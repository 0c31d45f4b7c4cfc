import { Module } from '@nestjs/common';
import { CompletionController } from './completion/completion.controller';
import { CompletionService } from './completion/completion.service';

@Module({ controllers: [CompletionController], providers: [CompletionService], exports: [CompletionService] })
export class ReportingModule {}
