import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import ICAL from 'ical.js';

export interface ReceivedMail {
  to: string[];
  mail: ParsedMail;
}

/**
 * A real SMTP server on a random loopback port; every accepted message is parsed with mailparser.
 * `refuse()` makes it answer RCPT TO with an error until `accept()`.
 */
export async function startSmtp() {
  const received: ReceivedMail[] = [];
  let refusal: { code: number; message: string } | null = null;
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refusal) return callback();
      refused++;
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    get refused() {
      return refused;
    },
    refuse(code = 451, message = 'Try again later') {
      refusal = { code, message };
    },
    accept() {
      refusal = null;
    },
    to(address: string) {
      return received.filter((r) => r.to.includes(address)).map((r) => r.mail);
    },
    clear() {
      received.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestSmtp = Awaited<ReturnType<typeof startSmtp>>;

/** The calendar attached to a message, parsed with ical.js. */
export function attachedCalendar(mail: ParsedMail) {
  const attachment = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!attachment) return null;
  const text = attachment.content.toString('utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((e) => ({
    uid: e.getFirstPropertyValue('uid'),
    sequence: e.getFirstPropertyValue('sequence'),
    status: e.getFirstPropertyValue('status'),
    tzid: e.getFirstProperty('dtstart')?.getParameter('tzid'),
    start: (e.getFirstPropertyValue('dtstart') as unknown as { toJSDate(): Date }).toJSDate(),
    organizer: e.getFirstPropertyValue('organizer'),
  }));
  return { text, method: calendar.getFirstPropertyValue('method'), timezones: calendar.getAllSubcomponents('vtimezone').length, events };
}
