import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

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

  constructor(readonly dataSource: DataSource) {
    this.serial = dataSource.options.type === 'better-sqlite3';
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const run = () => this.dataSource.transaction(work);
    if (!this.serial) return run();
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
