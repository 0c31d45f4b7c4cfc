import { DateTime } from 'luxon';
import type { Notice, NoticeKind } from '../outbox/notice.entity';
import type { DigestHire, SessionFacts } from '../notice-payload';
import type { Dictionary, TemplateContext } from './dictionary';
import { en } from './en';
import { sv } from './sv';

const DICTIONARIES: Record<'sv' | 'en', Dictionary> = { sv, en };
export const OPTIONAL_KINDS: NoticeKind[] = ['reminder_7d', 'reminder_1d', 'weekly_digest', 'evaluation_request'];

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
}

/** A block of the message: a paragraph, or a titled list. Rendered as text and as HTML from the same data. */
type Block = { p: string } | { title: string; items: string[] };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export function formatWhen(iso: string, zone: string, d: Dictionary): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).setLocale(d.locale).toFormat(d.slot.dateTime);
}

function slotLine(slot: SessionFacts['slots'][number], zone: string, d: Dictionary): string {
  const end = DateTime.fromISO(slot.endsAt, { zone: 'utc' }).setZone(zone).setLocale(d.locale);
  const sameDay = end.hasSame(DateTime.fromISO(slot.startsAt, { zone: 'utc' }).setZone(zone), 'day');
  return `${formatWhen(slot.startsAt, zone, d)}–${sameDay ? end.toFormat(d.slot.time) : formatWhen(slot.endsAt, zone, d)}`;
}

function sessionBlocks(s: SessionFacts, zone: string, d: Dictionary, withIcs: boolean): Block[] {
  const blocks: Block[] = [{ title: d.labels.when, items: s.slots.map((slot) => slotLine(slot, zone, d)) }];
  const place = [s.venue, s.address].filter(Boolean).join(', ');
  if (place) blocks.push({ title: d.labels.where, items: [place] });
  if (s.onlineUrl) blocks.push({ title: d.labels.online, items: [s.onlineUrl] });
  if (s.status === 'cancelled' && s.cancelledReason) blocks.push({ title: d.labels.reason, items: [s.cancelledReason] });
  if (withIcs) blocks.push({ p: d.labels.attachment });
  return blocks;
}

function digestBlocks(hires: DigestHire[], zone: string, d: Dictionary): Block[] {
  return hires.flatMap((hire) => {
    const upcoming = hire.upcoming.map((u) => `${formatWhen(u.startsAt, zone, d)}: ${u.title}${u.waitlisted ? ` (${d.digest.waitlisted})` : ''}`);
    const overdue = hire.overdue.map((o) => `${o.title} – ${d.digest.due(DateTime.fromISO(o.dueDate).setLocale(d.locale).toFormat('d MMMM yyyy'))}`);
    const blocks: Block[] = [];
    if (upcoming.length) blocks.push({ title: `${hire.name}: ${d.digest.upcoming}`, items: upcoming });
    if (overdue.length) blocks.push({ title: `${hire.name}: ${d.digest.overdue}`, items: overdue });
    return blocks;
  });
}

function context(notice: Notice, recipientName: string, zone: string, d: Dictionary): TemplateContext {
  const { session, personal } = notice.payload;
  return {
    name: recipientName,
    title: session?.title ?? '',
    hireName: personal?.hireName ?? '',
    cancelledByName: personal?.cancelledByName ?? null,
    waitlistPosition: notice.payload.waitlistPosition ?? null,
    reason: session?.cancelledReason ?? null,
    sessionCancelled: session?.status === 'cancelled',
    firstStart: session?.slots[0] ? formatWhen(session.slots[0].startsAt, zone, d) : '',
  };
}

const toText = (b: Block) => ('p' in b ? b.p : `${b.title}:\n${b.items.map((i) => `  - ${i}`).join('\n')}`);
const toHtml = (b: Block) =>
  'p' in b
    ? `<p>${escapeHtml(b.p).replace(/\n/g, '<br>')}</p>`
    : `<p><strong>${escapeHtml(b.title)}</strong></p><ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;

/** Subject, plain text and HTML of a notice in the notice's language, times in the programme's zone. */
export function renderNotice(notice: Notice, recipientName: string, zone: string): RenderedNotice {
  const d = DICTIONARIES[notice.language] ?? sv;
  const texts = d.kinds[notice.kind];
  const c = context(notice, recipientName, zone, d);
  const { session, personal } = notice.payload;
  const blocks: Block[] = [
    { p: d.greeting(c.name) },
    ...texts.body(c).map((p) => ({ p })),
    ...(session ? sessionBlocks(session, zone, d, notice.payload.ics !== undefined) : []),
    ...digestBlocks(personal?.hires ?? [], zone, d),
    { p: d.signature },
    ...(OPTIONAL_KINDS.includes(notice.kind) ? [{ p: d.optionalFooter }] : []),
  ];
  const html = `<!doctype html><html lang="${notice.language}"><head><meta charset="utf-8"><title>${escapeHtml(texts.subject(c))}</title></head><body>${blocks.map(toHtml).join('\n')}</body></html>`;
  return { subject: texts.subject(c), text: blocks.map(toText).join('\n\n') + '\n', html };
}
