import { IANAZone } from 'luxon';

/** Every setting the service reads, parsed and checked once at start. Names match `.env.example`. */
export class AppConfig {
  readonly nodeEnv: string;
  readonly host: string;
  readonly port: number;
  readonly databaseUrl: string;
  readonly authSecret: string;
  readonly authTokenTtlSeconds: number;
  readonly adminEmail: string | null;
  readonly adminPassword: string | null;
  readonly seedDemo: boolean;
  readonly timeZone: string;
  readonly publicBaseUrl: string;
  readonly dayMinutes: number;
  readonly trainingDayBudget: number;
  readonly mentorMaxMentees: number;
  readonly evaluationMinResponses: number;
  readonly retentionMonths: number;
  readonly publicCatalogueFeeds: boolean;
  readonly feedCacheEntries: number;
  readonly readCacheEntries: number;
  readonly corsOrigins: string[];
  readonly bodyLimitBytes: number;
  readonly loginMaxFailures: number;
  readonly loginWindowSeconds: number;
  readonly trustProxy: boolean;
  readonly logRequests: boolean;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  readonly noticeSendIntervalMs: number;
  readonly noticeMaxAttempts: number;
  readonly noticeRetryBaseSeconds: number;
  readonly noticeClaimTimeoutSeconds: number;

  get isSqlite(): boolean {
    return this.databaseUrl.startsWith('sqlite:');
  }

  get sqlitePath(): string {
    return this.databaseUrl.slice('sqlite:'.length);
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  optional(name: string): string | null {
    return this.raw(name) ?? null;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return parsed;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    this.problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  }

  check(ok: boolean, problem: string): void {
    if (!ok) this.problems.push(problem);
  }
}

const DEV_SECRET = 'lots-development-secret-not-for-production';

export function loadConfig(env: Env = process.env): AppConfig {
  const r = new Reader(env);
  const nodeEnv = r.string('NODE_ENV', 'development');
  const port = r.int('PORT', 3000, 0, 65535);
  const databaseUrl = r.string('DATABASE_URL', 'sqlite:data/lots.sqlite');
  r.check(
    /^sqlite:.+/.test(databaseUrl) || /^postgres(ql)?:\/\/.+/.test(databaseUrl),
    'DATABASE_URL must be sqlite:<path> or postgres://user:pass@host:port/db',
  );
  const authSecret = r.optional('AUTH_SECRET');
  r.check(nodeEnv !== 'production' || authSecret !== null, 'AUTH_SECRET is required when NODE_ENV=production');
  r.check(authSecret === null || authSecret.length >= 32, 'AUTH_SECRET must be at least 32 characters');
  const adminEmail = r.optional('ADMIN_EMAIL');
  const adminPassword = r.optional('ADMIN_PASSWORD');
  r.check((adminEmail === null) === (adminPassword === null), 'ADMIN_EMAIL and ADMIN_PASSWORD go together');
  r.check(adminPassword === null || adminPassword.length >= 12, 'ADMIN_PASSWORD must be at least 12 characters');
  const timeZone = r.string('TIME_ZONE', 'Europe/Stockholm');
  r.check(IANAZone.isValidZone(timeZone), `TIME_ZONE must be an IANA time zone such as Europe/Stockholm (got "${timeZone}")`);
  const publicBaseUrl = r.string('PUBLIC_BASE_URL', `http://localhost:${port}`).replace(/\/+$/, '');
  r.check(/^https?:\/\/[^\s/]+/.test(publicBaseUrl), 'PUBLIC_BASE_URL must be an http(s) URL');
  const smtpUrl = r.optional('SMTP_URL');
  r.check(smtpUrl === null || /^smtps?:\/\/[^\s/]+/.test(smtpUrl), 'SMTP_URL must be smtp://[user:pass@]host:port or smtps://...');
  const mailFrom = r.string('MAIL_FROM', `Lots <no-reply@${publicBaseUrl.replace(/^https?:\/\/([^/:]+).*$/, '$1')}>`);
  r.check(/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(mailFrom), 'MAIL_FROM must be an address, e.g. Lots <lots@storvik.se>');
  const corsOrigins = (r.optional('CORS_ORIGINS') ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  r.check(corsOrigins.every((o) => /^https?:\/\/[^\s/]+$/.test(o)), 'CORS_ORIGINS must be a comma-separated list of origins like https://intranet.example.se');

  const config = Object.assign(new AppConfig(), {
    nodeEnv,
    host: r.string('HOST', '0.0.0.0'),
    port,
    databaseUrl,
    authSecret: authSecret ?? DEV_SECRET,
    authTokenTtlSeconds: r.int('AUTH_TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    adminEmail: adminEmail?.toLowerCase() ?? null,
    adminPassword,
    seedDemo: r.bool('SEED_DEMO', false),
    timeZone,
    publicBaseUrl,
    dayMinutes: r.int('DAY_MINUTES', 480, 60, 1440),
    trainingDayBudget: r.int('TRAINING_DAY_BUDGET', 25, 1, 1000),
    mentorMaxMentees: r.int('MENTOR_MAX_MENTEES', 3, 1, 100),
    evaluationMinResponses: r.int('EVALUATION_MIN_RESPONSES', 5, 1, 1000),
    retentionMonths: r.int('RETENTION_MONTHS', 36, 1, 1200),
    publicCatalogueFeeds: r.bool('PUBLIC_CATALOGUE_FEEDS', true),
    feedCacheEntries: r.int('FEED_CACHE_ENTRIES', 2000, 0, 1_000_000),
    readCacheEntries: r.int('READ_CACHE_ENTRIES', 5000, 0, 1_000_000),
    corsOrigins,
    bodyLimitBytes: r.int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 50 * 1024 * 1024),
    loginMaxFailures: r.int('LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowSeconds: r.int('LOGIN_WINDOW_SECONDS', 900, 1, 86400),
    trustProxy: r.bool('TRUST_PROXY', false),
    logRequests: r.bool('LOG_REQUESTS', true),
    smtpUrl,
    mailFrom,
    noticeSendIntervalMs: r.int('NOTICE_SEND_INTERVAL_MS', 15000, 0, 3600_000),
    noticeMaxAttempts: r.int('NOTICE_MAX_ATTEMPTS', 8, 1, 100),
    noticeRetryBaseSeconds: r.int('NOTICE_RETRY_BASE_SECONDS', 60, 1, 86400),
    noticeClaimTimeoutSeconds: r.int('NOTICE_CLAIM_TIMEOUT_SECONDS', 600, 30, 86400),
  });
  if (r.problems.length) throw new ConfigError(r.problems);
  return config;
}
