import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DATA_CHANGED_CHANNEL, DataVersion } from './data-version.service';

export interface WriteOptions {
  /**
   * False for writes no cached read shows (the audit entry of a plan read), so they do not
   * invalidate every cached feed, report and progress figure.
   */
  changesReads?: boolean;
}

/**
 * The one way to write. TypeORM keeps a single connection on SQLite, so two transactions that
 * overlap in time share it and bleed into each other (typeorm#8668): there every write runs
 * through a promise-chain queue, one transaction at a time. PostgreSQL gets a pooled
 * connection per transaction and needs no queue.
 */
@Injectable()
export class Db {
  private readonly serial: boolean;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dataSource: DataSource,
    private readonly version: DataVersion,
  ) {
    this.serial = dataSource.options.type === 'better-sqlite3';
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  write<T>(work: (em: EntityManager) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    const changesReads = options.changesReads ?? true;
    const run = () => this.transaction(work, changesReads);
    if (!this.serial) return run();
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async transaction<T>(work: (em: EntityManager) => Promise<T>, changesReads: boolean): Promise<T> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const result = await work(em);
        // Delivered to every server's LISTEN on commit, never on rollback.
        if (changesReads && this.isPostgres) await em.query('SELECT pg_notify($1, $2)', [DATA_CHANGED_CHANNEL, '']);
        return result;
      });
    } finally {
      if (changesReads) this.version.changed();
    }
  }
}
