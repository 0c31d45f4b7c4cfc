import { QueryRunner, TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/** Column builders for migrations, so one migration file serves SQLite and PostgreSQL. */
export class MigrationColumns {
  private readonly postgres: boolean;

  constructor(queryRunner: QueryRunner) {
    this.postgres = queryRunner.connection.options.type === 'postgres';
  }

  id(): TableColumnOptions {
    return this.postgres
      ? { name: 'id', type: 'uuid', isPrimary: true, default: 'gen_random_uuid()' }
      : { name: 'id', type: 'varchar', isPrimary: true };
  }

  uuid(name: string, isNullable = false): TableColumnOptions {
    return { name, type: this.postgres ? 'uuid' : 'varchar', isNullable };
  }

  instant(name: string, isNullable = false): TableColumnOptions {
    return { name, type: this.postgres ? 'timestamptz' : 'datetime', isNullable };
  }

  string(name: string, length: number, isNullable = false, defaultValue?: string): TableColumnOptions {
    return { name, type: 'varchar', length: String(length), isNullable, default: defaultValue };
  }

  text(name: string, isNullable = true): TableColumnOptions {
    return { name, type: 'text', isNullable };
  }

  int(name: string, isNullable = false, defaultValue?: number): TableColumnOptions {
    return { name, type: 'integer', isNullable, default: defaultValue };
  }

  bool(name: string, defaultValue: boolean): TableColumnOptions {
    return { name, type: 'boolean', default: this.postgres ? String(defaultValue) : defaultValue ? 1 : 0 };
  }

  date(name: string, isNullable = false): TableColumnOptions {
    return { name, type: 'date', isNullable };
  }

  timestamps(): TableColumnOptions[] {
    const now = this.postgres ? 'now()' : "datetime('now')";
    return [
      { ...this.instant('created_at'), default: now },
      { ...this.instant('updated_at'), default: now },
    ];
  }
}

export function fk(
  column: string,
  table: string,
  onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL' = 'RESTRICT',
  referencedColumn = 'id',
): TableForeignKeyOptions {
  return { columnNames: [column], referencedTableName: table, referencedColumnNames: [referencedColumn], onDelete };
}
