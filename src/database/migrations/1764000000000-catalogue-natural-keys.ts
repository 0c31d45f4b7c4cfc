import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Theme names, lecture titles and venue names are the keys by which CSV imports and the demo
 * seed find records, so they are unique (the services answer 409 first; the index holds under races).
 */
export class CatalogueNaturalKeys1764000000000 implements MigrationInterface {
  name = 'CatalogueNaturalKeys1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('theme', new TableIndex({ name: 'uq_theme_name', columnNames: ['name'], isUnique: true }));
    await q.createIndex('lecture', new TableIndex({ name: 'uq_lecture_title', columnNames: ['title'], isUnique: true }));
    await q.createIndex('venue', new TableIndex({ name: 'uq_venue_name', columnNames: ['name'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('venue', 'uq_venue_name');
    await q.dropIndex('lecture', 'uq_lecture_title');
    await q.dropIndex('theme', 'uq_theme_name');
  }
}
