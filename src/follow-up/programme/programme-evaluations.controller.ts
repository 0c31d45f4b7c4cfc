import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { EvaluationReceiptResponse } from '../evaluations/dto/evaluation-summary.dto';
import { ProgrammeEvaluationsService } from './programme-evaluations.service';
import { CreateProgrammeEvaluationDto, ProgrammeReport, ProgrammeReportQuery } from './dto/create-programme-evaluation.dto';

@ApiTags('follow-up')
@ApiBearerAuth()
@Controller()
export class ProgrammeEvaluationsController {
  constructor(private readonly programme: ProgrammeEvaluationsService) {}

  @Post('plans/:id/evaluation')
  @ApiCreatedResponse({ type: EvaluationReceiptResponse })
  submit(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: CreateProgrammeEvaluationDto) {
    return this.programme.submit(user, id, dto);
  }

  @Get('reports/programme-evaluations')
  @Roles('coordinator', 'introducer', 'manager')
  @ApiOkResponse({ type: ProgrammeReport })
  report(@CurrentUser() user: Principal, @Query() query: ProgrammeReportQuery) {
    return this.programme.report(user, query);
  }
}
