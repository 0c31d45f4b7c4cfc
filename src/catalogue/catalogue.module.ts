import { Module } from '@nestjs/common';
import { NoticesModule } from '../notices/notices.module';
import { EnrolmentModule } from '../enrolment/enrolment.module';
import { CatalogueImportController } from './import/catalogue-import.controller';
import { CatalogueImportService } from './import/catalogue-import.service';
import { LecturersController } from './lecturers/lecturers.controller';
import { LecturersService } from './lecturers/lecturers.service';
import { LecturesController } from './lectures/lectures.controller';
import { LecturesService } from './lectures/lectures.service';
import { SessionReader } from './sessions/session-reader';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';
import { ThemesController } from './themes/themes.controller';
import { ThemesService } from './themes/themes.service';
import { VenuesController } from './venues/venues.controller';
import { VenuesService } from './venues/venues.service';

/** The lecture catalogue (themes, lectures, lecturers, venues), scheduled sessions and their CSV import/export. */
@Module({
  imports: [NoticesModule, EnrolmentModule],
  controllers: [LecturersController, ThemesController, LecturesController, VenuesController, SessionsController, CatalogueImportController],
  providers: [LecturersService, ThemesService, LecturesService, VenuesService, SessionsService, SessionReader, CatalogueImportService],
  exports: [LecturesService, SessionsService, SessionReader, ThemesService, LecturersService, VenuesService],
})
export class CatalogueModule {}
