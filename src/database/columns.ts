import { Column, ColumnOptions, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/**
 * Instants are `timestamptz` on PostgreSQL and `datetime` (UTC text) on SQLite. Decorators run
 * at import time, before Nest builds the config, so the engine is read from the same
 * DATABASE_URL the config validates.
 */
export const instantType = /^postgres/.test(process.env.DATABASE_URL ?? '') ? 'timestamptz' : 'datetime';

export const InstantColumn = (options: ColumnOptions = {}) => Column({ type: instantType, ...options });
export const CreatedAtColumn = () => CreateDateColumn({ type: instantType });
export const UpdatedAtColumn = () => UpdateDateColumn({ type: instantType });
/** Calendar dates (`YYYY-MM-DD`), read back as strings on both engines. */
export const DateColumn = (options: ColumnOptions = {}) => Column({ type: 'date', ...options });
export const UuidColumn = (options: ColumnOptions = {}) => Column({ type: 'uuid', ...options });
