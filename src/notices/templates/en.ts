import type { Dictionary } from './dictionary';

export const en: Dictionary = {
  locale: 'en-GB',
  greeting: (name) => `Hello ${name},`,
  signature: 'Best regards\nLots – the introduction programme',
  optionalFooter: 'You can turn off reminders, weekly digests and evaluation requests in your notification settings in Lots.',
  labels: { when: 'When', where: 'Where', online: 'Link', reason: 'Reason', attachment: 'The attached calendar file updates your calendar.' },
  slot: { dateTime: "cccc d MMMM yyyy, HH:mm", time: 'HH:mm' },
  digest: {
    upcoming: 'Upcoming sessions (next two weeks)',
    overdue: 'Overdue items in introduction plans',
    waitlisted: 'waitlisted',
    due: (date) => `due ${date}`,
  },
  kinds: {
    booking_confirmed: {
      subject: (c) => `Booking confirmed: ${c.title}`,
      body: (c) => [`You are booked on ${c.title}.`, 'If you cannot come, please cancel as soon as possible so someone on the waitlist can have the seat.'],
    },
    waitlisted: {
      subject: (c) => `Waitlisted: ${c.title}`,
      body: (c) => [
        `${c.title} is fully booked. You are on the waitlist${c.waitlistPosition ? ` as number ${c.waitlistPosition}` : ''}.`,
        'You will get another e-mail if a seat becomes free for you.',
      ],
    },
    promoted: {
      subject: (c) => `You have a seat: ${c.title}`,
      body: (c) => [`A seat became free and you are now booked on ${c.title}.`],
    },
    reminder_7d: {
      subject: (c) => `Reminder: ${c.title} in one week`,
      body: (c) => [`A reminder that you are booked on ${c.title}, starting ${c.firstStart}.`],
    },
    reminder_1d: {
      subject: (c) => `Reminder: ${c.title} tomorrow`,
      body: (c) => [`A reminder that you are booked on ${c.title}, starting ${c.firstStart}.`],
    },
    enrolment_cancelled: {
      subject: (c) => `Cancelled: ${c.title}`,
      body: (c) => [c.cancelledByName ? `${c.cancelledByName} cancelled your place on ${c.title}.` : `Your place on ${c.title} is cancelled.`],
    },
    cancellation_copy: {
      subject: (c) => `Copy: ${c.hireName} no longer booked on ${c.title}`,
      body: (c) => [
        `${c.hireName} no longer has a place on ${c.title}${c.sessionCancelled ? ' because the session is cancelled' : ''}.`,
        'You may want to plan another session in the introduction plan.',
      ],
    },
    session_rescheduled: {
      subject: (c) => `New time or place: ${c.title}`,
      body: (c) => [`${c.title} has a new time or place. Here are the new details.`],
    },
    session_cancelled: {
      subject: (c) => `Cancelled: ${c.title}`,
      body: (c) => [`${c.title} is cancelled and your place is cancelled with it.`],
    },
    evaluation_request: {
      subject: (c) => `How was ${c.title}?`,
      body: (c) => [`Thank you for attending ${c.title}. Please evaluate the session in Lots – it takes two minutes and helps us improve the programme.`],
    },
    no_show_copy: {
      subject: (c) => `Absence: ${c.hireName} at ${c.title}`,
      body: (c) => [`${c.hireName} was recorded as absent from ${c.title}.`],
    },
    weekly_digest: {
      subject: () => 'Weekly digest for your new hires',
      body: () => ['Here is this week’s overview of the new hires you introduce.'],
    },
  },
};
