import { Module } from '@nestjs/common';
import { PlanItemsController } from './plan-items/plan-items.controller';
import { PlanItemsService } from './plan-items/plan-items.service';
import { PlanTemplatesController } from './plan-templates/plan-templates.controller';
import { PlanTemplatesService } from './plan-templates/plan-templates.service';
import { PlanAccess } from './plans/plan-access.service';
import { PlanLifecycle } from './plans/plan-lifecycle.service';
import { PlansController } from './plans/plans.controller';
import { PlansService } from './plans/plans.service';
import { ProgressService } from './progress/progress.service';

@Module({
  controllers: [PlanTemplatesController, PlansController, PlanItemsController],
  providers: [PlanTemplatesService, PlansService, PlanAccess, PlanLifecycle, PlanItemsService, ProgressService],
  exports: [PlanAccess, PlansService, PlanItemsService, PlanLifecycle, PlanTemplatesService],
})
export class PlansModule {}
