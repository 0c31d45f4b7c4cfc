/** Tests boot the real AppModule against a fresh database (SQLite by default, PostgreSQL when DATABASE_URL says so). */
module.exports = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // @fastify/static 10 requires content-disposition 3, which ships only as ESM; Node 20 loads it
    // natively, Jest's module system needs it compiled to CommonJS.
    'node_modules/content-disposition/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true }, diagnostics: false }],
    // @fastify/cookie 11 loads cookie 2 (ESM only) with a dynamic import(); compiled to CommonJS
    // both become require(), which Jest can load without --experimental-vm-modules.
    'node_modules/@fastify/cookie/(index\\.js|node_modules/cookie/.+\\.js)$': ['ts-jest', { tsconfig: { allowJs: true }, diagnostics: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/|@fastify/cookie/|cookie/)'],
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 60000,
};
