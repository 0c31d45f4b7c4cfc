import { Clock } from '../../src/notices/sender/clock';
import { DigestJob } from '../../src/notices/digest/digest.job';
import { Mailer } from '../../src/notices/sender/mailer';
import { NoticeSender } from '../../src/notices/sender/notice-sender';
import type { FindOptionsWhere } from 'typeorm';
import { Notice } from '../../src/notices/outbox/notice.entity';
import type { TestApp } from '../app';

/** A clock the test moves by hand; it shows the real time until it is first set. */
export class ManualClock extends Clock {
  private at: Date | null = null;

  now(): Date {
    return this.at ? new Date(this.at) : new Date();
  }

  set(at: Date): void {
    this.at = new Date(at);
  }

  advance(ms: number): void {
    this.at = new Date(this.now().getTime() + ms);
  }
}

/** A sender like the one each server process runs, but on the test's clock and driven by `tick()`. */
export function senderFor(t: TestApp, clock: Clock): NoticeSender {
  return new NoticeSender(t.db, t.config, clock, t.app.get(Mailer), new DigestJob(t.db, t.config));
}

export const DAY = 86400_000;

export function notices(t: TestApp, where: FindOptionsWhere<Notice> = {}): Promise<Notice[]> {
  return t.db.manager.find(Notice, { where, order: { sendAfter: 'ASC' } });
}

/** Empties the queue, so each test sees only the notices it causes. */
export function withdrawAll(t: TestApp) {
  return t.db.write((em) => em.update(Notice, { status: 'pending' }, { status: 'withdrawn' }));
}
