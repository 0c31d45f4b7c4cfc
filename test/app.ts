import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { rmSync } from 'node:fs';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { loadConfig, AppConfig } from '../src/config/app-config';
import { Db } from '../src/database/db.service';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  db: Db;
  http: () => ReturnType<typeof request>;
  /** A bearer token for a person, minted the way login does (login itself is tested in auth specs). */
  tokenFor: (personId: string) => string;
  close: () => Promise<void>;
}

export async function resetDatabase(databaseUrl: string): Promise<void> {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    return;
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await client.end();
}

/**
 * Boots the real application on a fresh database (migrations included) with optional setting
 * overrides. `reset: false` starts a second instance on the same database (a second server process).
 */
export async function startApp(env: Record<string, string> = {}, options: { reset?: boolean } = {}): Promise<TestApp> {
  Object.assign(process.env, env);
  const config = loadConfig();
  if (options.reset !== false) await resetDatabase(config.databaseUrl);
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const jwt = app.get(JwtService);
  return {
    app,
    config,
    db: app.get(Db),
    http: () => request(app.getHttpServer()),
    tokenFor: (personId) => jwt.sign({ sub: personId }),
    close: async () => {
      await app.close();
      for (const key of Object.keys(env)) delete process.env[key];
    },
  };
}

export function dataSourceOf(t: TestApp): DataSource {
  return t.app.get(DataSource);
}
