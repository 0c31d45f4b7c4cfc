import type { Dictionary } from './dictionary';

export const sv: Dictionary = {
  locale: 'sv',
  greeting: (name) => `Hej ${name}!`,
  signature: 'Hälsningar\nLots – introduktionsprogrammet',
  optionalFooter: 'Du kan stänga av påminnelser, veckosammanställningar och utvärderingsförfrågningar under dina aviseringsinställningar i Lots.',
  labels: { when: 'När', where: 'Plats', online: 'Länk', reason: 'Orsak', attachment: 'Kalenderfilen i bilagan uppdaterar din kalender.' },
  slot: { dateTime: "cccc d MMMM yyyy 'kl.' HH.mm", time: 'HH.mm' },
  digest: {
    upcoming: 'Kommande utbildningstillfällen (två veckor framåt)',
    overdue: 'Försenade punkter i introduktionsplanen',
    waitlisted: 'reservplats',
    due: (date) => `skulle vara klar ${date}`,
  },
  kinds: {
    booking_confirmed: {
      subject: (c) => `Bokningsbekräftelse: ${c.title}`,
      body: (c) => [`Du är bokad på ${c.title}.`, 'Kan du inte komma? Avboka så snart som möjligt så att någon på reservlistan kan få platsen.'],
    },
    waitlisted: {
      subject: (c) => `Reservplats: ${c.title}`,
      body: (c) => [
        `${c.title} är fullbokad. Du står på reservlistan${c.waitlistPosition ? ` som nummer ${c.waitlistPosition}` : ''}.`,
        'Du får ett nytt mejl om du får en plats.',
      ],
    },
    promoted: {
      subject: (c) => `Du har fått en plats: ${c.title}`,
      body: (c) => [`En plats har blivit ledig och du är nu bokad på ${c.title}.`],
    },
    reminder_7d: {
      subject: (c) => `Påminnelse: ${c.title} om en vecka`,
      body: (c) => [`Påminnelse: du är bokad på ${c.title}, som börjar ${c.firstStart}.`],
    },
    reminder_1d: {
      subject: (c) => `Påminnelse: ${c.title} i morgon`,
      body: (c) => [`Påminnelse: du är bokad på ${c.title}, som börjar ${c.firstStart}.`],
    },
    enrolment_cancelled: {
      subject: (c) => `Avbokad: ${c.title}`,
      body: (c) => [c.cancelledByName ? `${c.cancelledByName} har avbokat din plats på ${c.title}.` : `Din plats på ${c.title} är avbokad.`],
    },
    cancellation_copy: {
      subject: (c) => `Kopia: ${c.hireName} är avbokad från ${c.title}`,
      body: (c) => [
        `${c.hireName} har inte längre någon plats på ${c.title}${c.sessionCancelled ? ' eftersom tillfället är inställt' : ''}.`,
        'Planera gärna ett nytt tillfälle i introduktionsplanen.',
      ],
    },
    session_rescheduled: {
      subject: (c) => `Ändrad tid eller plats: ${c.title}`,
      body: (c) => [`${c.title} har fått ny tid eller plats. Här är de nya uppgifterna.`],
    },
    session_cancelled: {
      subject: (c) => `Inställt: ${c.title}`,
      body: (c) => [`${c.title} är inställt och din plats är avbokad.`],
    },
    evaluation_request: {
      subject: (c) => `Vad tyckte du om ${c.title}?`,
      body: (c) => [`Tack för att du deltog i ${c.title}. Utvärdera gärna tillfället i Lots – det tar två minuter och hjälper oss att göra utbildningen bättre.`],
    },
    no_show_copy: {
      subject: (c) => `Frånvaro: ${c.hireName} på ${c.title}`,
      body: (c) => [`${c.hireName} har registrerats som frånvarande på ${c.title}.`],
    },
    weekly_digest: {
      subject: () => 'Veckans sammanställning för dina nyanställda',
      body: () => ['Här är veckans läge för de nyanställda du är introduktör för.'],
    },
  },
};
