import { EntityManager } from 'typeorm';
import { CANCELLED_VISIBLE_DAYS, dropCutoff } from '../ical/feed-events';

/**
 * What a feed's content depends on, from one aggregate query: per part of the feed the row
 * count, the sum of SEQUENCE values, the newest updated_at of every table shown, and the newest
 * end of a cancelled session that has dropped out. Any change to what the feed shows changes it;
 * rendering happens only when it does.
 */
export interface FeedVersion {
  /** Exists: the person or theme behind the feed. */
  found: boolean;
  key: string;
  /** Newest change shown, deletions and drop-outs included. */
  lastModified: Date;
}

const DROPPED = "MAX(CASE WHEN s.status = 'cancelled' AND s.ends_at < :cutoff THEN s.ends_at END)";
const SESSION_TIMES = `SUM(s.sequence), MAX(s.updated_at), MAX(l.updated_at), MAX(v.updated_at), ${DROPPED}`;
const SESSION_JOINS = 'JOIN lecture l ON l.id = s.lecture_id LEFT JOIN venue v ON v.id = s.venue_id';
const OWN_MENTORSHIP = '(m.mentor_id = :me OR m.mentee_id = :me)';

/** Columns: part, n, seq, t1..t4 (newest updated_at of the tables joined), dropped. */
const PERSON_SQL = `
SELECT 'enrolled' AS part, COUNT(*) AS n, MAX(e.updated_at) AS t1,
       SUM(s.sequence) AS seq, MAX(s.updated_at) AS t2, MAX(l.updated_at) AS t3, MAX(v.updated_at) AS t4, ${DROPPED} AS dropped
  FROM enrolment e JOIN session s ON s.id = e.session_id ${SESSION_JOINS} WHERE e.person_id = :me
UNION ALL
SELECT 'teaching', COUNT(*), MAX(lr.updated_at), ${SESSION_TIMES}
  FROM session_lecturer sl JOIN lecturer lr ON lr.id = sl.lecturer_id JOIN session s ON s.id = sl.session_id ${SESSION_JOINS}
  WHERE lr.person_id = :me
UNION ALL
SELECT 'mentorships', COUNT(*), MAX(m.updated_at), NULL, MAX(o.updated_at), NULL, NULL, NULL
  FROM mentorship m JOIN person o ON o.id = CASE WHEN m.mentor_id = :me THEN m.mentee_id ELSE m.mentor_id END WHERE ${OWN_MENTORSHIP}
UNION ALL
SELECT 'meetings', COUNT(*), MAX(mm.updated_at), SUM(mm.sequence), NULL, NULL, NULL, NULL
  FROM mentor_meeting mm JOIN mentorship m ON m.id = mm.mentorship_id WHERE ${OWN_MENTORSHIP}
UNION ALL
SELECT 'plans', COUNT(*), MAX(p.updated_at), NULL, NULL, NULL, NULL, NULL FROM plan p WHERE p.new_hire_id = :me
UNION ALL
SELECT 'person', COUNT(*), MAX(p.updated_at), NULL, NULL, NULL, NULL, NULL FROM person p WHERE p.id = :me AND p.active = :active`;

const THEME_SQL = `
SELECT 'theme' AS part, COUNT(*) AS n, MAX(t.updated_at) AS t1, NULL AS seq, NULL AS t2, NULL AS t3, NULL AS t4, NULL AS dropped
  FROM theme t WHERE t.id = :theme
UNION ALL
SELECT 'sessions', COUNT(*), NULL, ${SESSION_TIMES} FROM session s ${SESSION_JOINS} WHERE l.theme_id = :theme`;

type Row = Record<'part' | 'n' | 'seq' | 't1' | 't2' | 't3' | 't4' | 'dropped', unknown>;

/** PostgreSQL hands back Dates, SQLite UTC text ('YYYY-MM-DD HH:MM:SS[.SSS]'). */
function instant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

async function aggregate(em: EntityManager, sql: string, params: Record<string, unknown>, now: Date, revision: string): Promise<FeedVersion> {
  const [query, values] = em.connection.driver.escapeQueryWithParameters(sql, { ...params, cutoff: dropCutoff(now) });
  const rows: Row[] = await em.query(query, values);
  let newest = 0;
  const parts = rows.map((row) => {
    const times = [row.t1, row.t2, row.t3, row.t4].map(instant);
    const dropped = instant(row.dropped);
    // A cancelled session left the feed CANCELLED_VISIBLE_DAYS after its end: that is a change too.
    if (dropped) times.push(new Date(dropped.getTime() + CANCELLED_VISIBLE_DAYS * 86_400_000));
    for (const time of times) if (time) newest = Math.max(newest, time.getTime());
    return [row.part, Number(row.n), Number(row.seq ?? 0), ...times.map((t) => t?.getTime() ?? 0)].join(':');
  });
  const found = Number(rows.find((row) => row.part === 'person' || row.part === 'theme')?.n ?? 0) > 0;
  return { found, key: `${revision}|${parts.join('|')}`, lastModified: new Date(newest) };
}

export function personFeedVersion(em: EntityManager, personId: string, now: Date, revision: string): Promise<FeedVersion> {
  return aggregate(em, PERSON_SQL, { me: personId, active: true }, now, revision);
}

export function themeFeedVersion(em: EntityManager, themeId: string, now: Date, revision: string): Promise<FeedVersion> {
  return aggregate(em, THEME_SQL, { theme: themeId }, now, revision);
}
