import type { SendMailOptions } from 'nodemailer';
import type { AppConfig } from '../../config/app-config';
import type { Person } from '../../people/people/person.entity';
import type { Notice } from '../outbox/notice.entity';
import { sessionIcs } from '../templates/ics';
import { renderNotice } from '../templates/render';

/** `Lots <lots@storvik.se>` -> { name: 'Lots', email: 'lots@storvik.se' } */
export function parseAddress(from: string): { name: string; email: string } {
  const match = /^(.*)<([^<>]+)>\s*$/.exec(from);
  return match ? { name: match[1].trim().replace(/^"|"$/g, '') || 'Lots', email: match[2].trim() } : { name: 'Lots', email: from.trim() };
}

export const publicHost = (config: AppConfig) => new URL(config.publicBaseUrl).hostname;

/**
 * The e-mail for a notice: text and HTML in the notice's language, and the iCalendar attachment
 * when the notice carries one. The Message-ID is the notice's, so a resend is recognisable.
 */
export function composeMail(notice: Notice, recipient: Person, config: AppConfig): SendMailOptions {
  const rendered = renderNotice(notice, recipient.name, config.timeZone);
  const host = publicHost(config);
  const mail: SendMailOptions = {
    from: config.mailFrom,
    to: { name: recipient.name, address: recipient.email },
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    messageId: `<notice-${notice.id}@${host}>`,
    headers: { 'X-Lots-Notice': notice.kind, 'Auto-Submitted': 'auto-generated' },
  };
  const { session, ics } = notice.payload;
  if (session && ics) {
    const content = sessionIcs(session, {
      method: ics,
      host,
      zone: config.timeZone,
      organizer: parseAddress(config.mailFrom),
      attendee: { name: recipient.name, email: recipient.email },
    });
    const filename = ics === 'CANCEL' ? 'cancel.ics' : 'invite.ics';
    mail.attachments = [{ filename, content, contentType: `text/calendar; charset=utf-8; method=${ics}` }];
  }
  return mail;
}
