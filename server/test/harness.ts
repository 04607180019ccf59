import crypto from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app.js';
import { Clock } from '../platform/clock/clock.js';
import { type Database, openDatabase } from '../platform/db/client.js';
import { type JobDefinition, JobRunner } from '../platform/jobs/jobs.service.js';
import { allJobs } from '../jobs.js';
import { DEMO_PASSWORD } from '../seed/seed.js';
import { adminQuery, withDatabase } from '../platform/db/admin.js';
import { GOLDEN_DUMP, GOLDEN_INFO } from './golden.js';

export { DEMO_PASSWORD };

/** A fresh copy of the golden database for one test file. */
export async function openTestDatabase(): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  const { template } = JSON.parse(fs.readFileSync(GOLDEN_INFO, 'utf8')) as { template: string | null };
  const url = process.env.DATABASE_URL;
  if (url && template) {
    const name = `zelian_t_${crypto.randomBytes(6).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${template}`);
    const dbUrl = withDatabase(url, name);
    const database = await openDatabase({ databaseUrl: dbUrl, poolSize: 4 });
    return {
      database,
      url: dbUrl,
      drop: async () => {
        await database.close();
        await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const dump = new Blob([fs.readFileSync(GOLDEN_DUMP)]);
  const database = await openDatabase({ loadDataDir: dump });
  return { database, drop: () => database.close() };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: Clock;
  jobs: JobRunner;
  /** Signs in and returns a client that sends the session cookie and CSRF token. */
  as(username: string, password?: string): Promise<Client>;
  anonymous: Client;
  /** Moves the server clock, as the system administrator (a jump of days ends idle sessions). */
  setClock(iso: string): Promise<void>;
  close(): Promise<void>;
}

export interface Client {
  username: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

function client(app: FastifyInstance, username: string, cookie?: string, csrf?: string): Client {
  const request = (opts: InjectOptions) =>
    app.inject({
      ...opts,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...(opts.headers ?? {}),
      },
    });
  return {
    username,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body, headers) => request({ method: 'POST', url, payload: body as object, headers }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as object }),
    put: (url, body) => request({ method: 'PUT', url, payload: body as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

export interface TestAppOptions {
  jobs?: JobDefinition[];
  loginRateLimit?: number;
  serveWeb?: boolean;
}

export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const { database, drop } = await openTestDatabase();
  const clock = new Clock(true);
  const jobs = new JobRunner(database, clock, opts.jobs ?? allJobs);
  const app = await buildApp({
    database,
    clock,
    jobs,
    loginRateLimit: opts.loginRateLimit ?? 10_000,
    serveWeb: opts.serveWeb ?? false,
  });
  await app.ready();
  return {
    app,
    database,
    clock,
    jobs,
    anonymous: client(app, 'anonymous'),
    as: signIn,
    async setClock(iso) {
      const res = await (await signIn('sysadmin')).post('/api/admin/clock', { now: iso });
      if (res.statusCode !== 200) throw new Error(`setting the clock failed: ${res.statusCode} ${res.body}`);
    },
    async close() {
      await app.close();
      await drop();
    },
  };

  async function signIn(username: string, password = DEMO_PASSWORD): Promise<Client> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    return client(app, username, cookie, me.json().csrfToken);
  }
}

/** The unit with this code as `client` finds it in GET /api/units (undefined when it cannot see it). */
export async function unitByCode(client: Client, code: string) {
  return (await client.get(`/api/units?q=${code}`)).json().items.find((u: { code: string }) => u.code === code);
}

/** Every user's id by username. */
export async function userIdsOf(t: TestApp): Promise<Record<string, string>> {
  const { rows } = await t.database.query<{ id: string; username: string }>('SELECT id, username FROM users');
  return Object.fromEntries(rows.map((r) => [r.username, r.id]));
}

/** A test file's database: a fresh copy of the golden one, opened (and `setup` run on it) before its tests. */
export interface FileDatabase {
  /** Filled in before the file's tests run. */
  database: Database;
  /** The first row a statement answers. */
  one<T>(text: string): Promise<T>;
}

/** Call at a test file's top level: the database is ready in every test after `setup`, dropped after the last. */
export function testDatabaseForFile(setup?: (database: Database) => Promise<void>): FileDatabase {
  let drop: (() => Promise<void>) | undefined;
  const file = {
    one: async <T>(text: string) => (await file.database.query<T>(text)).rows[0],
  } as FileDatabase;
  beforeAll(async () => {
    ({ database: file.database, drop } = await openTestDatabase());
    await setup?.(file.database);
  });
  afterAll(() => drop?.());
  return file;
}

/** A test file's app, opened before its tests and closed after them; `client` names who is signed in first. */
export interface FileApp extends TestApp {
  /** A client of `username`, signed in before the file's tests run (the object is filled in then). */
  client(username: string): Client;
  /** Moves the server clock and signs the file's clients in again (a jump of days ends idle sessions). */
  setClockAndSignIn(iso: string): Promise<void>;
}

/** Call at a test file's top level: the app (and the clients asked for) are ready in every test and hook after. */
export function testAppForFile(opts: TestAppOptions = {}): FileApp {
  const clients: [string, Client][] = [];
  const signInAll = async () => {
    for (const [username, c] of clients) Object.assign(c, await file.as(username));
  };
  const file = {
    client(username: string) {
      const c = {} as Client;
      clients.push([username, c]);
      return c;
    },
    async setClockAndSignIn(iso: string) {
      await file.setClock(iso);
      await signInAll();
    },
  } as FileApp;
  beforeAll(async () => {
    Object.assign(file, await createTestApp(opts));
    await signInAll();
  });
  afterAll(() => file.close());
  return file;
}
