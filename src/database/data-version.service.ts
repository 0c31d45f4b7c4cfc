import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ReadCache } from './read-cache';

export const DATA_CHANGED_CHANNEL = 'lots_data_changed';
const RECONNECT_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

interface SqliteHandle {
  prepare(sql: string): { pluck(): { get(): unknown } };
}

/**
 * A token that changes whenever committed data may have changed, so reads that are polled all
 * day (feeds, reports, progress) can be answered from memory until then.
 *
 * - This process's writes bump it as their transaction ends (`Db.write`).
 * - SQLite: other processes' commits (`npm run retention`, a second server) show in
 *   `PRAGMA data_version`, read synchronously per call.
 * - PostgreSQL: every write transaction sends NOTIFY on commit and each server LISTENs. While the
 *   LISTEN connection is down the token is new on every call: nothing is served from memory.
 */
@Injectable()
export class DataVersion implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('DataVersion');
  private local = 0;
  private uncached = 0;
  /** `PRAGMA data_version`, prepared once (better-sqlite3's pragma() prepares on every call). */
  private readonly sqliteDataVersion: { get(): unknown } | null;
  private listener: Client | null = null;
  private listening = false;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    const isSqlite = dataSource.options.type === 'better-sqlite3';
    const handle = isSqlite ? (dataSource.driver as unknown as { databaseConnection: SqliteHandle }).databaseConnection : null;
    this.sqliteDataVersion = handle?.prepare('PRAGMA data_version').pluck() ?? null;
  }

  async onModuleInit(): Promise<void> {
    if (!this.sqliteDataVersion) await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => undefined);
  }

  current(): string {
    if (this.sqliteDataVersion) return `${this.local}.${this.sqliteDataVersion.get()}`;
    return this.listening ? `${this.local}` : `uncached.${++this.uncached}`;
  }

  /** Called when a write transaction ends, committed or not (SQLite readers may have seen it uncommitted). */
  changed(): void {
    this.local++;
  }

  /**
   * A bounded in-memory cache whose entries last until the data changes or `ttlMs` passes;
   * `READ_CACHE_ENTRIES` entries unless told otherwise.
   */
  cache<V>(options: { ttlMs: number; maxEntries?: number }): ReadCache<V> {
    return new ReadCache<V>({ maxEntries: this.config.readCacheEntries, ...options }, () => this.current());
  }

  private async listen(): Promise<void> {
    const options = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: options.url });
    this.listener = client;
    const lost = () => {
      if (this.listener !== client) return;
      this.listening = false;
      this.listener = null;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      const delay = RECONNECT_MS[Math.min(this.failures++, RECONNECT_MS.length - 1)];
      this.logger.warn(`LISTEN connection lost; reads are not cached until it is back (retry in ${delay} ms)`);
      setTimeout(() => void this.listen(), delay).unref();
    };
    client.on('notification', () => this.changed());
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${DATA_CHANGED_CHANNEL}`);
      // Whatever was committed while nobody listened.
      this.changed();
      this.listening = true;
      this.failures = 0;
    } catch {
      lost();
    }
  }
}
