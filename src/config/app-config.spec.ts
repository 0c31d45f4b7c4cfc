import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: 'sqlite:data/lots.sqlite',
      timeZone: 'Europe/Stockholm',
      dayMinutes: 480,
      mentorMaxMentees: 3,
      evaluationMinResponses: 5,
      publicCatalogueFeeds: true,
      seedDemo: false,
    });
    expect(config.isSqlite).toBe(true);
  });

  it('names every bad setting at once', () => {
    try {
      loadConfig({ PORT: 'eighty', TIME_ZONE: 'Mars/Olympus', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const name of ['PORT', 'TIME_ZONE', 'DATABASE_URL', 'SEED_DEMO']) expect(message).toContain(name);
    }
  });

  it('requires AUTH_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) }).authSecret).toBe('x'.repeat(40));
  });

  it('accepts a PostgreSQL URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://lots:pw@db:5432/lots' }).isSqlite).toBe(false);
  });
});
