import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Roles } from '../auth/decorators';
import { PageQuery } from '../common/pagination';
import { AuditService } from './audit.service';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'plan', description: "the resource's singular name" })
  @IsOptional()
  @Matches(/^[a-z][a-z-]{1,39}$/, { message: 'entityType must be a resource name such as plan or org-unit' })
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(80)
  entityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ description: 'entries about this person' })
  @IsOptional()
  @IsUUID()
  subjectPersonId?: string;
}

@ApiTags('follow-up')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  list(@Query() query: AuditQuery) {
    return this.audit.list(query);
  }
}
