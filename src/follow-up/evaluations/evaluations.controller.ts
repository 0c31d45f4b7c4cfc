import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { EvaluationsService } from './evaluations.service';
import { CreateEvaluationDto, EvaluationQuery } from './dto/create-evaluation.dto';
import { EvaluationBreakdown, EvaluationReceiptResponse, EvaluationSummary } from './dto/evaluation-summary.dto';

@ApiTags('follow-up')
@ApiBearerAuth()
@ApiExtraModels(EvaluationSummary, EvaluationBreakdown)
@Controller()
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  @Post('enrolments/:id/evaluation')
  @ApiCreatedResponse({ type: EvaluationReceiptResponse })
  submit(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: CreateEvaluationDto) {
    return this.evaluations.submit(user, id, dto);
  }

  @Get('lectures/:id/evaluations')
  @Roles('coordinator', 'lecturer', 'introducer', 'manager')
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(EvaluationSummary) }, { $ref: getSchemaPath(EvaluationBreakdown) }] } })
  read(@CurrentUser() user: Principal, @IdParam() id: string, @Query() query: EvaluationQuery) {
    return query.by ? this.evaluations.breakdown(user, id, query.by) : this.evaluations.summary(user, id);
  }
}
