import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Each test file gets its own fresh database: a new SQLite file, or (DATABASE_URL=postgres://...)
// the given PostgreSQL database with its schema dropped and migrated again.
process.env.NODE_ENV = 'test';
process.env.AUTH_SECRET ??= 'test-secret-that-is-long-enough-for-hs256-signing';
process.env.LOG_REQUESTS = 'false';
process.env.SEED_DEMO = 'false';
process.env.TIME_ZONE ??= 'Europe/Stockholm';
if (!process.env.DATABASE_URL?.startsWith('postgres')) {
  process.env.DATABASE_URL = `sqlite:${join(tmpdir(), `lots-test-${process.pid}-${randomBytes(4).toString('hex')}.sqlite`)}`;
}
