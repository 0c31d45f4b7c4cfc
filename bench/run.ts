/* eslint-disable no-console */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * `npm run bench`: builds a synthetic city into a fresh database, starts the production server as
 * a separate process and drives it over loopback with autocannon, next to a bare node:http server
 * serving the same feed bytes from memory (the machine's ceiling). BENCH_DB=postgres for PostgreSQL.
 */
const ROOT = resolve(__dirname, '..', '..');
const DB = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'sqlite';
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** Only scenarios whose name matches this regular expression (e.g. BENCH_ONLY='feed|book'). */
const ONLY = new RegExp(process.env.BENCH_ONLY ?? '', 'i');
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://lots:lots@127.0.0.1:5432/lots_bench';
const SQLITE_PATH = join(ROOT, 'bench', 'tmp', 'bench.sqlite');
const DATABASE_URL = DB === 'postgres' ? PG_URL : `sqlite:${SQLITE_PATH}`;
// Entity column types are chosen at import time from DATABASE_URL: set it before loading them.
process.env.DATABASE_URL = DATABASE_URL;

/* eslint-disable @typescript-eslint/no-require-imports */
const autocannon = require('autocannon');

interface Scenario {
  name: string;
  method?: 'GET' | 'POST' | 'HEAD';
  paths?: string[];
  headers?: (i: number) => Record<string, string>;
  requests?: object[];
  body?: string;
  target?: number;
  note?: string;
}

interface Row {
  scenario: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx3xx: number;
  errors: number;
  status5xx: number;
  ratioToCeiling: number;
  peakRssMb?: number;
  note?: string;
}

async function resetDatabase(): Promise<void> {
  if (DB === 'sqlite') {
    mkdirSync(join(ROOT, 'bench', 'tmp'), { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) rmSync(SQLITE_PATH + suffix, { force: true });
    return;
  }
  const { Client } = require('pg');
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await client.end();
}

async function openDataSource() {
  const { DataSource } = require('typeorm');
  const { dataSourceOptions } = require('../src/database/data-source-options');
  const { loadConfig } = require('../src/config/app-config');
  const { runMigrations } = require('../src/database/migrate');
  const ds = new DataSource(dataSourceOptions(loadConfig({ ...process.env, DATABASE_URL })));
  await ds.initialize();
  await runMigrations(ds);
  return ds;
}

function startServer(port: number, secret: string): ChildProcess {
  // BENCH_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_PROFILE)}`] : [];
  return spawn(process.execPath, [...profile, join(ROOT, 'dist', 'src', 'main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL,
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_SECRET: secret,
      LOG_REQUESTS: 'false',
      SEED_DEMO: 'false',
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      LOGIN_MAX_FAILURES: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function cannon(url: string, scenario: Scenario, duration: number): Promise<any> {
  let counter = 0;
  const next = () => counter++;
  const requests = scenario.requests ?? [
    {
      method: scenario.method ?? 'GET',
      body: scenario.body,
      setupRequest: (req: any) => {
        const i = next();
        return {
          ...req,
          path: scenario.paths ? scenario.paths[i % scenario.paths.length] : req.path,
          headers: { ...req.headers, ...(scenario.headers?.(i) ?? {}) },
        };
      },
    },
  ];
  return autocannon({ url, connections: CONNECTIONS, duration, requests, timeout: 30 });
}

async function measure(url: string, scenario: Scenario): Promise<any> {
  if (WARMUP > 0) await cannon(url, scenario, WARMUP);
  return cannon(url, scenario, DURATION);
}

function summarise(name: string, result: any, ceiling: number, note?: string): Row {
  const ok = (result['2xx'] ?? 0) + (result['3xx'] ?? 0);
  const total = ok + (result['1xx'] ?? 0) + (result['4xx'] ?? 0) + (result['5xx'] ?? 0);
  const reqPerSec = Math.round(result.requests.average);
  return {
    scenario: name,
    reqPerSec,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx3xx: total - ok,
    errors: result.errors,
    status5xx: result['5xx'] ?? 0,
    ratioToCeiling: ceiling ? Number((reqPerSec / ceiling).toFixed(3)) : 1,
    note,
  };
}

/** The ceiling: a bare node:http server in its own process (as the Lots server is), serving the feed bytes from memory. */
async function startCeiling(body: Buffer, contentType: string): Promise<{ url: string; stop: () => void }> {
  const file = join(ROOT, 'bench', 'tmp', 'ceiling-body');
  writeFileSync(file, body);
  const script = `
    const body = require('fs').readFileSync(${JSON.stringify(file)});
    const server = require('http').createServer((req, res) => {
      res.writeHead(200, { 'content-type': ${JSON.stringify(contentType)}, 'content-length': body.length, etag: '"ceiling"' });
      res.end(body);
    });
    server.listen(0, '127.0.0.1', () => process.send(server.address().port));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(Number(m))));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function main(): Promise<void> {
  const started = Date.now();
  await resetDatabase();
  const ds = await openDataSource();
  const { generateCity, BENCH_PASSWORD } = require('./generate');
  const genStart = Date.now();
  const city = await generateCity(ds);
  const generationSeconds = (Date.now() - genStart) / 1000;
  await ds.destroy();
  console.log(`Generated the city in ${generationSeconds.toFixed(1)} s:`, city.counts);

  const secret = randomBytes(32).toString('hex');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(port, secret);
  await waitForHealth(base);
  const { JwtService } = require('@nestjs/jwt');
  const jwt = new JwtService({ secret });
  const bearer = (id: string) => ({ authorization: `Bearer ${jwt.sign({ sub: id }, { expiresIn: 3600 })}` });
  const coordinator = bearer(city.coordinatorId);
  const coordinatorToken = jwt.sign({ sub: city.coordinatorId }, { expiresIn: 3600 });

  // Private feed URLs and their ETags for 200 different hires.
  const hires = city.hireIds.slice(0, 200);
  const feeds: { path: string; etag: string }[] = [];
  let feedBody = Buffer.from('{}');
  for (const hire of hires) {
    const res = await fetch(`${base}/api/me/calendar`, { headers: bearer(hire) });
    if (!res.ok) break;
    const path = new URL(((await res.json()) as { url: string }).url).pathname;
    const feed = await fetch(`${base}${path}`);
    feedBody = Buffer.from(await feed.arrayBuffer());
    feeds.push({ path, etag: feed.headers.get('etag') ?? '' });
  }
  const month = new Date();
  const from = new Date(month.getFullYear(), month.getMonth() + 1, 1).toISOString();
  const to = new Date(month.getFullYear(), month.getMonth() + 2, 1).toISOString();
  const department = city.departmentIds[0];

  const scenarios: Scenario[] = [
    { name: 'person feed 200', paths: feeds.map((f) => f.path), target: 1000 },
    { name: 'person feed 304', paths: feeds.map((f) => f.path), headers: (i) => ({ 'if-none-match': feeds[i % feeds.length].etag }), target: 3000 },
    { name: 'theme feed', paths: city.themeIds.map((id: string) => `/calendar/themes/${id}.ics`) },
    { name: 'sessions of a month', paths: [`/api/sessions?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=500`], headers: () => coordinator },
    { name: 'plan progress', paths: city.planIds.map((id: string) => `/api/plans/${id}/progress`), headers: () => coordinator },
    { name: 'completion report, department', paths: [`/api/reports/completion?orgUnitId=${department}`], headers: () => coordinator },
    { name: 'completion report, department CSV', paths: [`/api/reports/completion?orgUnitId=${department}&format=csv`], headers: () => coordinator },
    { name: 'completion report, city', paths: ['/api/reports/completion'], headers: () => coordinator },
    { name: 'completion report, city CSV', paths: ['/api/reports/completion?format=csv'], headers: () => coordinator },
    { name: 'page: completion dashboard, city', paths: ['/dashboard'], headers: () => ({ cookie: `lots_session=${coordinatorToken}` }) },
    { name: 'page: plan', paths: city.planIds.map((id: string) => `/plan-builder/${id}`), headers: () => ({ cookie: `lots_session=${coordinatorToken}` }) },
    {
      name: 'book + cancel',
      requests: bookAndCancel(city.futureSessionIds, city.bookerIds, coordinator),
    },
    {
      name: 'login',
      method: 'POST',
      paths: ['/api/auth/login'],
      body: JSON.stringify({ email: city.coordinatorEmail, password: BENCH_PASSWORD }),
      headers: () => ({ 'content-type': 'application/json' }),
    },
  ];

  const ceilingServer = await startCeiling(feedBody, feeds.length ? 'text/calendar; charset=utf-8' : 'application/json');
  const ceilingResult = await measure(ceilingServer.url, { name: 'ceiling', paths: ['/'] });
  ceilingServer.stop();
  const ceiling = Math.round(ceilingResult.requests.average);
  const rows: Row[] = [summarise('ceiling: node:http, same feed bytes from memory', ceilingResult, ceiling)];

  for (const scenario of scenarios.filter((s) => ONLY.test(s.name))) {
    if (scenario.paths && scenario.paths.length === 0) {
      rows.push({ scenario: scenario.name, reqPerSec: 0, p50: 0, p99: 0, non2xx3xx: 0, errors: 0, status5xx: 0, ratioToCeiling: 0, note: 'skipped: no data' });
      continue;
    }
    const result = await measure(base, scenario);
    // The server's peak RSS so far: which scenario raised it.
    rows.push({ ...summarise(scenario.name, result, ceiling), peakRssMb: peakRssMb(server.pid!) });
    console.log(`${scenario.name}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms`);
  }

  const afterChange = await coldReads(base, coordinator, city);
  console.table(afterChange);
  const rssMb = peakRssMb(server.pid!);
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  const checks = await consistency();
  const report = {
    date: new Date().toISOString(),
    db: DB,
    machine: { cpus: require('node:os').cpus().length, model: require('node:os').cpus()[0]?.model, node: process.version },
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    warmupSeconds: WARMUP,
    generationSeconds,
    city: city.counts,
    serverPeakRssMb: rssMb,
    rows,
    afterChange,
    checks,
    totalSeconds: (Date.now() - started) / 1000,
  };
  console.table(rows.map(({ note, ...r }) => ({ ...r, ...(note ? { note } : {}) })));
  console.log(`server peak RSS ${rssMb} MB; checks`, checks);
  // A partial run (BENCH_ONLY) must not replace the full results kept in git.
  const dir = join(ROOT, 'bench', process.env.BENCH_ONLY ? 'tmp' : 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${report.date.slice(0, 10)}-${DB}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(`wrote ${file}`);
  const failed = rows.some((r) => r.status5xx > 0) || !checks.integrity || checks.overbooked > 0 || checks.countMismatches > 0;
  process.exit(failed ? 1 : 0);
}

/**
 * Polled reads are answered from memory until data changes. What the first read after a change
 * costs, one request at a time: a harmless write (the coordinator's notice settings) before each.
 */
async function coldReads(base: string, auth: Record<string, string>, city: { planIds: string[]; departmentIds: string[] }) {
  const reads = {
    'plan progress': (i: number) => `/api/plans/${city.planIds[i % city.planIds.length]}/progress`,
    'completion report, department': () => `/api/reports/completion?orgUnitId=${city.departmentIds[0]}`,
    'completion report, city': () => '/api/reports/completion',
  };
  const rows = [];
  for (const [read, path] of Object.entries(reads)) {
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const write = await fetch(`${base}/api/me/notification-preferences`, {
        method: 'PATCH',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ reminders: i % 2 === 0 }),
      });
      if (!write.ok) throw new Error(`notice settings: ${write.status}`);
      const start = performance.now();
      const res = await fetch(`${base}${path(i)}`, { headers: auth });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${read}: ${res.status}`);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    rows.push({ read: `${read}, first after a change`, medianMs: Math.round(times[7]), maxMs: Math.round(times[14]) });
  }
  return rows;
}

/** Books a random person into one of many future sessions, then cancels that booking. */
function bookAndCancel(sessionIds: string[], personIds: string[], auth: Record<string, string>): object[] {
  let n = 0;
  const headers = { ...auth, 'content-type': 'application/json' };
  return [
    {
      method: 'POST',
      headers,
      setupRequest: (req: any) => {
        const k = n++;
        const sessionId = sessionIds[k % sessionIds.length];
        const personId = personIds[Math.floor(k / sessionIds.length) % personIds.length];
        return { ...req, path: `/api/sessions/${sessionId}/enrolments`, body: JSON.stringify({ personId }) };
      },
      onResponse: (status: number, body: string, context: any) => {
        context.enrolmentId = status === 201 ? JSON.parse(body).id : undefined;
      },
    },
    {
      method: 'POST',
      headers,
      setupRequest: (req: any, context: any) =>
        context.enrolmentId ? { ...req, path: `/api/enrolments/${context.enrolmentId}/cancel`, body: '{}' } : undefined,
    },
  ];
}

async function consistency() {
  const ds = await openDataSource();
  let integrity = true;
  if (DB === 'sqlite') integrity = (await ds.query('PRAGMA integrity_check'))[0].integrity_check === 'ok';
  else integrity = (await ds.query(`SELECT COUNT(*) AS n FROM enrolment e LEFT JOIN session s ON s.id = e.session_id WHERE s.id IS NULL`))[0].n == 0;
  const [over] = await ds.query('SELECT COUNT(*) AS n FROM session WHERE booked_count > capacity');
  const [mismatch] = await ds.query(
    `SELECT COUNT(*) AS n FROM session s WHERE s.booked_count <> (SELECT COUNT(*) FROM enrolment e WHERE e.session_id = s.id AND e.status = 'booked')`,
  );
  await ds.destroy();
  return { integrity, overbooked: Number(over.n), countMismatches: Number(mismatch.n) };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
