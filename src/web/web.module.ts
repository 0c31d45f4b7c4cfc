import { Module, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { RouteInfo } from '@nestjs/common/interfaces';
import { AuthModule } from '../auth/auth.module';
import { PeopleModule } from '../people/people.module';
import { ColleaguesController } from './colleagues/colleagues.controller';
import { ProfileController } from './profile/profile.controller';
import { WebGuard } from './session/web.guard';
import { WebSessions } from './session/web-sessions.service';
import { SignInController } from './sign-in/sign-in.controller';
import { StartController } from './start/start.controller';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { PlansModule } from '../plans/plans.module';
import { EnrolmentModule } from '../enrolment/enrolment.module';
import { ReportingModule } from '../reporting/reporting.module';
import { MentorshipModule } from '../mentorship/mentorship.module';
import { CalendarModule } from '../calendar/calendar.module';
import { FollowUpModule } from '../follow-up/follow-up.module';
import { NoticesModule } from '../notices/notices.module';
import { MyHiresController } from './my-hires/my-hires.controller';
import { NewHireController } from './my-hires/new-hire.controller';
import { PlanBuilderController } from './plan-builder/plan-builder.controller';
import { PlanBuilderPage } from './plan-builder/plan-builder.page';
import { PlanItemsController } from './plan-builder/plan-items.controller';
import { PlanLifeController } from './plan-builder/plan-life.controller';
import { PlanDetailsController } from './plan-builder/plan-details.controller';
import { MyPlanController } from './my-plan/my-plan.controller';
import { MyEvaluationsController } from './my-plan/my-evaluations.controller';
import { MyPlan } from './my-plan/my-plan.page';
import { MyMeetings } from './my-plan/my-meetings';
import { MenteesController } from './mentees/mentees.controller';
import { MeetingPagesController } from './mentees/meeting-pages.controller';
import { OwnMentorship } from './mentees/own-mentorship';
import { BookingChoices } from './plan-views/booking';
import { BookingPage } from './plan-views/booking-page';
import { PlanReader } from './plan-views/plan-reader';
import { BankController } from './catalogue/bank.controller';
import { CatalogueController } from './catalogue/catalogue.controller';
import { DashboardController } from './dashboard/dashboard.controller';
import { UnitChoices } from './dashboard/unit-choices';
import { ScheduleAccess } from './schedule/schedule-access';
import { ScheduleController } from './schedule/schedule.controller';
import { SessionPageController } from './schedule/session-page.controller';

/** Every page controller: their routes are served outside the /api prefix. */
const WEB_CONTROLLERS: Type[] = [
  SignInController,
  StartController,
  ProfileController,
  ColleaguesController,
  CatalogueController,
  BankController,
  ScheduleController,
  SessionPageController,
  DashboardController,
  MyHiresController,
  NewHireController,
  PlanBuilderController,
  PlanItemsController,
  PlanLifeController,
  PlanDetailsController,
  MyPlanController,
  MyEvaluationsController,
  MenteesController,
  MeetingPagesController,
];

@Module({
  imports: [AuthModule, PeopleModule, CatalogueModule, PlansModule, EnrolmentModule, ReportingModule, MentorshipModule, CalendarModule, FollowUpModule, NoticesModule],
  controllers: WEB_CONTROLLERS,
  providers: [WebSessions, WebGuard, ScheduleAccess, UnitChoices, PlanReader, BookingChoices, BookingPage, PlanBuilderPage, MyPlan, MyMeetings, OwnMentorship],
})
export class WebModule {}

const join = (...parts: string[]) => `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;

/** The page routes, read from the controllers' own metadata, for setGlobalPrefix's exclusions. */
export function pageRoutes(): RouteInfo[] {
  return WEB_CONTROLLERS.flatMap((controller) => {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
    const proto = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(proto)
      .map((name) => proto[name])
      .filter((handler): handler is object => typeof handler === 'function' && Reflect.hasMetadata(METHOD_METADATA, handler))
      .map((handler) => ({
        path: join(base, Reflect.getMetadata(PATH_METADATA, handler) as string),
        method: Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod,
      }));
  });
}
