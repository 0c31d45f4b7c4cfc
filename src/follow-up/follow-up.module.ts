import { Module } from '@nestjs/common';
import { EvaluationsController } from './evaluations/evaluations.controller';
import { EvaluationsService } from './evaluations/evaluations.service';
import { ProgrammeEvaluationsController } from './programme/programme-evaluations.controller';
import { ProgrammeEvaluationsService } from './programme/programme-evaluations.service';
import { RetentionController } from './retention/retention.controller';
import { RetentionReportService } from './retention/retention-report.service';
import { PrivacyController } from './privacy/privacy.controller';
import { ErasureService } from './privacy/erasure.service';
import { ExportService } from './privacy/export.service';
import { RetentionErasureService } from './privacy/retention-erasure.service';

/** Evaluations, retention, personal-data rights (export, erasure, the retention command). */
@Module({
  controllers: [EvaluationsController, ProgrammeEvaluationsController, RetentionController, PrivacyController],
  providers: [EvaluationsService, ProgrammeEvaluationsService, RetentionReportService, ErasureService, ExportService, RetentionErasureService],
  exports: [ErasureService, RetentionErasureService, EvaluationsService, ProgrammeEvaluationsService, RetentionReportService],
})
export class FollowUpModule {}
