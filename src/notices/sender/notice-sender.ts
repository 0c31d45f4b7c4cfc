import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Db, WriteOptions } from '../../database/db.service';
import { Person } from '../../people/people/person.entity';
import { DigestJob } from '../digest/digest.job';
import { Notice } from '../outbox/notice.entity';
import { NotificationPreference } from '../preferences/notification-preference.entity';
import { Clock } from './clock';
import { composeMail } from './compose';
import { Mailer } from './mailer';

const BATCH = 25;
const MAX_BACKOFF_MS = 6 * 3600_000;
/** The sender's bookkeeping is shown by no cached read. */
const SENDER_WRITE: WriteOptions = { changesReads: false };
const PREFERENCE_OF: Partial<Record<Notice['kind'], keyof NotificationPreference>> = {
  reminder_7d: 'reminders',
  reminder_1d: 'reminders',
  weekly_digest: 'digest',
  evaluation_request: 'evaluationRequests',
};

type Outcome = { status: 'sent' } | { status: 'withdrawn'; reason: string };

/**
 * Every server process runs one: on each tick it returns stale claims to the queue, lets the
 * digest job queue the week's digests, then claims due notices one by one with a conditional
 * update (pending -> sending, with a fresh claim token) and sends those it won. A notice is
 * marked sent only after the SMTP server accepted it; a failure goes back to pending with an
 * exponential backoff, or to failed after NOTICE_MAX_ATTEMPTS.
 */
@Injectable()
export class NoticeSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Notices');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly mailer: Mailer,
    private readonly digest: DigestJob,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.noticeSendIntervalMs <= 0) return;
    if (!this.mailer.enabled) this.logger.warn('SMTP_URL is not set: notices are queued, not sent');
    this.timer = setInterval(() => void this.tickInBackground(), this.config.noticeSendIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One round of work; returns how many notices this sender sent. */
  async tick(): Promise<number> {
    await this.releaseStaleClaims();
    await this.digest.run(this.clock.now());
    if (!this.mailer.enabled) return 0;
    let sent = 0;
    for (const id of await this.dueIds()) {
      const token = await this.claim(id);
      if (token && (await this.deliver(id, token))) sent++;
    }
    return sent;
  }

  private tickInBackground(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.tick()
      .then(() => undefined)
      .catch((error: Error) => this.logger.error(`Notice round failed: ${error.message}`))
      .finally(() => (this.running = null));
    return this.running;
  }

  private releaseStaleClaims() {
    const before = new Date(this.clock.now().getTime() - this.config.noticeClaimTimeoutSeconds * 1000);
    return this.db.write((em) =>
      em
        .createQueryBuilder()
        .update(Notice)
        .set({ status: 'pending', claimToken: null, claimedAt: null })
        .where("status = 'sending' AND claimed_at < :before", { before })
        .execute(),
      SENDER_WRITE,
    );
  }

  private async dueIds(): Promise<string[]> {
    const rows = await this.db.manager
      .createQueryBuilder(Notice, 'n')
      .select('n.id', 'id')
      .where("n.status = 'pending' AND n.send_after <= :now", { now: this.clock.now() })
      .orderBy('n.send_after', 'ASC')
      .limit(BATCH)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** The conditional update that makes a notice this sender's; null when another sender won it. */
  private async claim(id: string): Promise<string | null> {
    const token = randomUUID();
    const result = await this.db.write((em) =>
      em
        .createQueryBuilder()
        .update(Notice)
        .set({ status: 'sending', claimToken: token, claimedAt: this.clock.now(), attempts: () => 'attempts + 1' })
        .where("id = :id AND status = 'pending'", { id })
        .execute(),
      SENDER_WRITE,
    );
    return result.affected === 1 ? token : null;
  }

  private async deliver(id: string, token: string): Promise<boolean> {
    const notice = await this.db.manager.findOneByOrFail(Notice, { id });
    try {
      const outcome = await this.send(notice);
      if (outcome.status === 'sent') await this.finish(id, token, { status: 'sent', sentAt: this.clock.now(), lastError: null });
      else await this.finish(id, token, { status: 'withdrawn', lastError: outcome.reason });
      return outcome.status === 'sent';
    } catch (error) {
      await this.fail(notice, token, error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  private async send(notice: Notice): Promise<Outcome> {
    const recipient = await this.db.manager.findOneBy(Person, { id: notice.recipientId });
    if (!recipient?.active) return { status: 'withdrawn', reason: 'recipient inactive' };
    const preference = PREFERENCE_OF[notice.kind];
    if (preference) {
      const prefs = await this.db.manager.findOneBy(NotificationPreference, { personId: recipient.id });
      if (prefs && prefs[preference] === false) return { status: 'withdrawn', reason: 'turned off by the recipient' };
    }
    await this.mailer.send(composeMail(notice, recipient, this.config));
    return { status: 'sent' };
  }

  private async fail(notice: Notice, token: string, message: string): Promise<void> {
    const attempts = notice.attempts;
    const lastError = message.slice(0, 1000);
    this.logger.warn(`Notice ${notice.id} (${notice.kind}) attempt ${attempts} failed`);
    if (attempts >= this.config.noticeMaxAttempts) {
      await this.finish(notice.id, token, { status: 'failed', lastError });
      return;
    }
    const delay = Math.min(this.config.noticeRetryBaseSeconds * 1000 * 2 ** (attempts - 1), MAX_BACKOFF_MS);
    await this.finish(notice.id, token, { status: 'pending', lastError, sendAfter: new Date(this.clock.now().getTime() + delay) });
  }

  /** Only the holder of the claim may settle a notice. */
  private finish(id: string, token: string, patch: Partial<Notice>) {
    return this.db.write((em) =>
      em
        .createQueryBuilder()
        .update(Notice)
        .set({ ...patch, claimToken: null, claimedAt: null })
        .where("id = :id AND status = 'sending' AND claim_token = :token", { id, token })
        .execute(),
      SENDER_WRITE,
    );
  }
}
