/**
 * How a placeholder's value is shown on a page: a status, role or kind by its translated label, a
 * date (`YYYY-MM-DD`) or an instant (`2027-04-01T09:00:00+02:00`) the language's way.
 */
export type ValueKind = 'planStatus' | 'itemStatus' | 'placeStatus' | 'noticeStatus' | 'role' | 'orgUnitKind' | 'date' | 'dateTime';

type Entry = string | { text: string; values: Record<string, ValueKind> };

/**
 * Every refusal the services give, by code: the API's English text (a problem's `detail`, or a
 * field's `message`) with `{name}` placeholders. Services raise them by code (`Problem.conflict(
 * 'plans.openPlanExists')`), the API answers with the English text, and pages show the translation
 * `problems.<code>` from src/web/i18n/sv.json and en.json (a unit test checks each code has both).
 */
export const PROBLEMS = {
  'common.invalidInput': 'Invalid input: {fields}',
  'common.uuid': '{name} must be a UUID',
  'common.forbidden': 'Your role may not do this',
  'common.alreadyInUse': 'already in use',
  'common.uniqueConflict': 'This conflicts with an existing record',
  'common.noSuchRoute': 'No such route',
  'common.unexpected': 'An unexpected error occurred',

  'notFound.area': 'Area not found',
  'notFound.calendar': 'Calendar not found',
  'notFound.enrolment': 'Enrolment not found',
  'notFound.lecture': 'Lecture not found',
  'notFound.lecturer': 'Lecturer not found',
  'notFound.meeting': 'Meeting not found',
  'notFound.mentorship': 'Mentorship not found',
  'notFound.newHire': 'New hire not found',
  'notFound.notice': 'Notice not found',
  'notFound.orgUnit': 'Org unit not found',
  'notFound.page': 'Page not found',
  'notFound.person': 'Person not found',
  'notFound.plan': 'Plan not found',
  'notFound.planItem': 'Plan item not found',
  'notFound.planTemplate': 'Plan template not found',
  'notFound.session': 'Session not found',
  'notFound.theme': 'Theme not found',
  'notFound.venue': 'Venue not found',

  'references.noSuchArea': 'no such area',
  'references.unknownAreas': 'no such area: {codes}',
  'references.unknownLecturers': 'no such lecturer: {names}',
  'references.noSuchLecture': 'no such lecture',
  'references.noSuchTheme': 'no such theme',
  'references.noSuchVenue': 'no such venue',
  'references.noSuchPerson': 'no such person',
  'references.noSuchOrgUnit': 'no such org unit',
  'times.endNotAfterStart': 'endsAt must be after startsAt',

  'auth.missingToken': 'Sign in and send the token as "Authorization: Bearer <token>"',
  'auth.invalidToken': 'The token is invalid or has expired',
  'auth.inactiveAccount': 'The account is no longer active',
  'auth.wrongCredentials': 'Wrong e-mail or password',
  'auth.throttled': 'Too many failed sign-ins; try again later',
  'auth.wrongCurrentPassword': 'is not your current password',

  'people.adminSetsPasswords': "Only an admin may set another person's password",
  'people.keepOwnAdmin': 'You cannot deactivate yourself or remove your own admin role',
  'people.deactivateSelf': 'You cannot deactivate yourself',
  'people.newHiresOnly': 'You may only edit new hires',
  'people.newHireRoleOnly': 'You may only give people the role newhire',
  'people.noSuchOwnUnit': 'no such org unit among yours',
  'people.emailTaken': 'A person with this e-mail already exists',
  'areas.codeTaken': 'Area {code} already exists',
  'orgUnits.hasChildren': 'The org unit has units below it',
  'orgUnits.hasPeople': 'The org unit still has people',
  'orgUnits.parentRequired': { text: 'a {kind} needs a parent unit', values: { kind: 'orgUnitKind' } },
  'orgUnits.wrongParent': { text: 'a {kind} cannot sit under a {parentKind}', values: { kind: 'orgUnitKind', parentKind: 'orgUnitKind' } },
  'orgUnits.belowItself': 'A unit cannot move below itself',

  'themes.hasLectures': 'The theme still has lectures; move or delete them first',
  'themes.areaRequired': "a theme with audience 'area' needs an areaCode",
  'themes.areaNotAllowed': "a theme with audience 'all' has no areaCode",
  'themes.nameTaken': 'A theme named "{name}" already exists',
  'lectures.usedBySessions': 'Sessions use this lecture; deactivate it (active=false) instead',
  'lectures.usedByPlans': 'Plans or plan templates use this lecture; deactivate it (active=false) instead',
  'lectures.titleTaken': 'A lecture titled "{title}" already exists',
  'lecturers.inUse': 'Lectures or sessions name this lecturer; deactivate them (active=false) instead',
  'venues.inUse': 'Sessions use this venue; deactivate it (active=false) instead',
  'venues.nameTaken': 'A venue named "{name}" already exists',

  'sessions.slotsOrTimes': 'give either slots or startsAt and endsAt, not both',
  'sessions.timesRequired': 'startsAt and endsAt (one slot) or slots are required',
  'sessions.rescheduleWithSlots': 'the session has {count} slots: reschedule it with slots',
  'sessions.startsAtRequired': 'startsAt is required with endsAt',
  'sessions.endsAtRequired': 'endsAt is required with startsAt',
  'sessions.slotsOverlap': 'slots must not overlap each other',
  'sessions.lectureInactive': 'the lecture is inactive',
  'sessions.capacityRequired': 'capacity is required for a session without a venue',
  'sessions.venueInactive': 'the venue is inactive',
  'sessions.capacityAboveVenue': '{venue} seats {seats}',
  'sessions.deadlineAfterStart': "enrolmentDeadline must not be after the first slot's start",
  'sessions.cancelledUnchangeable': 'The session is cancelled and cannot be changed',
  'sessions.capacityBelowBooked': '{booked} seats are booked; capacity cannot go below that',
  'sessions.venueBooked': { text: 'The venue is booked from {from} to {to} by session {sessionId}', values: { from: 'dateTime', to: 'dateTime' } },
  'sessions.alreadyCancelled': 'The session is already cancelled',
  'sessions.alreadyTookPlace': 'The session has already taken place',

  'import.notCsv': 'Send the CSV as the body with Content-Type: text/csv',
  'import.unreadable': 'The CSV could not be read: {reason}',
  'import.empty': 'The CSV is empty: the first row must name the columns',
  'import.badHeader': 'The CSV header is not usable',
  'import.columnRequired': 'column {column} is required',
  'import.unknownColumn': 'unknown column {column}; known: {known}',
  'import.noRows': 'The CSV has no rows below its header',
  'import.invalidRows': '{rows} of {total} rows are invalid; nothing was imported',

  'enrolments.personInactive': 'The person is no longer active',
  'enrolments.bookSelfOnly': 'You may only book yourself',
  'enrolments.ownPlanOnly': 'You may book only sessions of lectures in your own plan',
  'enrolments.alreadyPlaced': 'This person already has a place in this session',
  'enrolments.alreadyCancelled': 'The place is already cancelled',
  'enrolments.cancelAfterStart': 'The session has started; record attendance instead',
  'enrolments.sessionCancelled': 'The session is cancelled',
  'enrolments.sessionStarted': 'The session has already started',
  'enrolments.deadlinePassed': 'The enrolment deadline has passed',
  'enrolments.notPlanItem': "not an item of this person's open plan",
  'enrolments.itemForOtherLecture': "the item is not for this session's lecture",
  'enrolments.itemFulfilled': { text: 'The plan item is already {status}', values: { status: 'itemStatus' } },
  'enrolments.itemHasPlace': 'The plan item already has a place in a session',
  'enrolments.attendanceBeforeStart': 'Attendance can be recorded once the session has started',
  'enrolments.attendanceNotBooked': { text: 'The place is {status}; only booked places have attendance', values: { status: 'placeStatus' } },

  'plans.openPlanExists': 'This new hire already has an open plan (draft, active or paused)',
  'plans.endBeforeStart': 'must be after startDate',
  'plans.notNewHire': 'the person does not have the role newhire',
  'plans.noSuchTemplate': 'no such plan template',
  'plans.personWithoutRole': { text: 'must be an active person with the role {role}', values: { role: 'role' } },
  'plans.readOnly': 'You may read this plan but not change it',
  'plans.notOpen': { text: 'The plan is {status}; reopen is not possible', values: { status: 'planStatus' } },
  'plans.notOpenToSign': { text: 'The plan is {status}', values: { status: 'planStatus' } },
  'plans.transition': { text: 'A plan cannot go from {from} to {to}', values: { from: 'planStatus', to: 'planStatus' } },
  'plans.closedReasonOnlyWhenClosing': 'only when closing the plan (status closed)',
  'plans.pausedReasonOnlyWhenPausing': 'only when pausing the plan (status paused)',
  'planItems.progressByHand': 'must be done, missed or planned',
  'plans.closedReasonRequired': 'closing a plan needs closedReason (left_employment, moved_internally or other)',
  'plans.signOnlyNamed': { text: "Only the plan's {as} may sign as {as}", values: { as: 'role' } },
  'plans.alreadySigned': { text: 'The {as} has already signed this plan', values: { as: 'role' } },
  'plans.roleNotHeld': { text: 'You do not hold the role {as}', values: { as: 'role' } },
  'plans.signersDiffer': 'The introducer and the manager must be two different people',
  'plans.signerNotIntroducerOrManager': "Only the hire's introducer and manager sign the plan",
  'plans.signAsWhich': 'say whether you sign as introducer or manager',
  'planTemplates.nameTaken': 'A plan template with this name already exists',
  'planTemplates.unknownLecture': 'names a lecture that does not exist',
  'planItems.lectureRequired': 'a lecture item needs lectureId',
  'planItems.titleRequired': 'an activity needs a title',
  'planItems.bookedCannotDelete': 'The item is booked; cancel the booking first',
  'planItems.lectureAlreadyInPlan': 'This lecture is already in the plan',
  'planItems.lectureTitleFixed': "a lecture item shows the lecture's title",
  'planItems.waivedReasonOnlyWhenWaived': 'only when the item is waived',
  'planItems.waivedReasonRequired': 'waiving needs a reason (credit for prior experience)',
  'planItems.lectureBooked': 'The lecture item is booked; cancel the booking first',
  'planItems.followsEnrolment': "A lecture item's status follows its enrolment and attendance",

  'mentorships.selfMentor': 'a mentor cannot mentor themselves',
  'mentorships.outOfScope': "Only the introducers and managers of the mentee's unit, or a coordinator, may change this mentorship",
  'mentorships.noSuchMentee': 'no such person among yours',
  'mentorships.menteeNotNewHire': 'the mentee must be a new hire',
  'mentorships.noSuchMentor': 'no such active person',
  'mentorships.mentorRoleMissing': 'the person does not hold the mentor role',
  'mentorships.menteeTaken': 'The mentee already has an active mentorship',
  'mentorships.mentorFull': 'The mentor already has {max} active mentees (MENTOR_MAX_MENTEES)',
  'mentorships.endBeforeStart': 'endDate must not be before startDate',
  'meetings.mentorOnly': 'Only the mentor logs meetings of a mentorship',

  'evaluations.notAttended': 'A session can be evaluated once you have attended it',
  'evaluations.sessionAnswered': 'You have already evaluated this session',
  'evaluations.programmeAnswered': 'You have already evaluated the programme',
  'evaluations.programmeNotOpen': { text: 'The programme can be evaluated from {opens}, {months} months into the plan', values: { opens: 'date' } },
  'privacy.eraseSelf': 'You cannot erase yourself',
  'privacy.alreadyErased': 'This person has already been erased',
  'notices.resendOnlyFailed': { text: 'Only a failed notice can be resent (this one is {status})', values: { status: 'noticeStatus' } },
} as const satisfies Record<string, Entry>;

export type ProblemCode = keyof typeof PROBLEMS;
export type ProblemParams = Record<string, string | number>;

/** `notFound('plan')` for the code `notFound.plan`. */
export type MissingThing = ProblemCode extends infer C ? (C extends `notFound.${infer T}` ? T : never) : never;

export const problemEntry = (code: ProblemCode): { text: string; values: Partial<Record<string, ValueKind>> } => {
  const entry: Entry = PROBLEMS[code];
  return typeof entry === 'string' ? { text: entry, values: {} } : entry;
};

/** The `{name}` placeholders of a text. */
export const placeholdersOf = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];

/** The API's English text of a refusal, its placeholders filled in. */
export function problemText(code: ProblemCode, params: ProblemParams = {}): string {
  return problemEntry(code).text.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}
