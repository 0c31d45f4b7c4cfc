import { Module } from '@nestjs/common';
import { AreasController } from './areas/areas.controller';
import { AreasService } from './areas/areas.service';
import { OrgUnitsController } from './org-units/org-units.controller';
import { OrgUnitsService } from './org-units/org-units.service';
import { PeopleController } from './people/people.controller';
import { PeopleService } from './people/people.service';

@Module({
  controllers: [AreasController, OrgUnitsController, PeopleController],
  providers: [AreasService, OrgUnitsService, PeopleService],
  exports: [AreasService, OrgUnitsService, PeopleService],
})
export class PeopleModule {}
