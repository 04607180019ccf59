/**
 * Property-based fuzzing (fast-check) of every API route's input, derived from /api/openapi.json:
 * path parameters, query strings and JSON bodies built from each route's schema, half of the values
 * valid-looking and half wrong (types, lengths, formats, enums, injection text). For every request:
 * never a 5xx; every rejection is a 4xx with a Chinese message (a field for validation errors); and a
 * rejected request writes nothing (no row inserted, updated or deleted, audit events included). The audit chain
 * is verified last.
 * Each route is called as a demo user the access matrix allows on it, so requests reach validation.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyChain } from '../server/platform/audit/audit.service.js';
import type { User } from '../server/test/access.js';
import { ACCESS_CASES } from '../server/test/access-cases.js';
import { type Client, type TestApp, createTestApp } from '../server/test/harness.js';
import { hasChinese } from './harness.js';

const CASES = ACCESS_CASES;
/** Preferred callers: the broadest business role first, then the three administrators. */
const CALLERS: User[] = ['office', 'sysadmin', 'secadmin', 'auditadmin', 'leader', 'zhujian', 'paizhu1'];
/** Routes whose effect would end the fuzzing session itself (their inputs are covered by the identity tests), and
 * the server-sent event stream, which never ends by design. */
const SKIP = new Set(['POST /api/auth/logout', 'POST /api/me/password', 'GET /api/notifications/stream']);
/** Rejections that are audited by design (SPEC: failed sign-ins are security events). */
const AUDITED_REJECTIONS = new Set(['POST /api/auth/login']);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema from the OpenAPI document
type Schema = any;

let t: TestApp;
const clients = new Map<User, Client>();
let ids: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  for (const u of CALLERS) clients.set(u, await t.as(u));
  // Real ids of many kinds, so that some generated requests reach the services with existing objects.
  const { rows: tables } = await t.database.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables tb USING (table_schema, table_name)
     WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE' AND c.column_name = 'id' AND c.data_type = 'uuid'`,
  );
  for (const { table_name } of tables) {
    const { rows } = await t.database.query<{ id: string }>(`SELECT id::text FROM "${table_name}" LIMIT 3`);
    ids.push(...rows.map((r) => r.id));
  }
  ids = [...new Set(ids)];
  // Every row written to a table, except those a request legitimately touches while reading (sessions, idempotency
  // keys), adds a row to fuzz_writes in the same transaction; a rolled-back write adds none. The footprint is then one
  // index read, where counting every table's rows took 52 s of this test's 82 s on PostgreSQL. Unlike row counts, it
  // also sees an UPDATE.
  await t.database.query('CREATE TABLE fuzz_writes (id bigserial PRIMARY KEY)');
  await t.database.query(
    `CREATE FUNCTION fuzz_note_write() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN INSERT INTO fuzz_writes DEFAULT VALUES; RETURN NULL; END $$`,
  );
  await t.database.query(
    `DO $$ DECLARE t text; BEGIN
       FOR t IN SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
         AND table_type = 'BASE TABLE'
         AND table_name NOT IN ('sessions', 'idempotency_keys', '__drizzle_migrations', 'fuzz_writes') LOOP
         EXECUTE format('CREATE TRIGGER fuzz_note_write AFTER INSERT OR UPDATE OR DELETE ON %I
           FOR EACH ROW EXECUTE FUNCTION fuzz_note_write()', t);
       END LOOP;
     END $$`,
  );
});

afterAll(async () => {
  await t?.close();
});

async function footprint(): Promise<string> {
  const { rows } = await t.database.query<{ last: string | null }>('SELECT max(id)::text AS last FROM fuzz_writes');
  return rows[0].last ?? '0';
}

const nasty = fc.constantFrom(
  '',
  ' ',
  '不存在的值',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30',
  '9999-99-99',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '\u0000',
  '../../etc/passwd',
  '１２３',
  '-1',
  '1e309',
  'NaN',
);
const wrong: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 20 }),
  fc.string({ minLength: 300, maxLength: 6000 }),
  nasty,
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

function validish(s: Schema): fc.Arbitrary<unknown> {
  if (!s || typeof s !== 'object') return fc.jsonValue({ maxDepth: 2 });
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a: Schema) => valueFor(a)));
  if (s.allOf) return valueFor(s.allOf[0]);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid());
      if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (s.format === 'date' || s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}'))
        return fc
          .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 80), unit: 'grapheme' });
    case 'integer':
      return fc.integer({ min: s.minimum ?? -10, max: Math.min(s.maximum ?? 100_000, 1_000_000) });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valueFor(s.items), { maxLength: Math.min(s.maxItems ?? 3, 3), minLength: 0 });
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valueFor(v)]));
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k: string) => k in props) });
    }
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
/** A value for the schema: mostly plausible, sometimes wrong. */
const valueFor = (s: Schema): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: validish(s) }, { weight: 1, arbitrary: wrong });

const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...['x']).chain(() => fc.constantFrom(...(ids.length ? ids : ['x']))) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: nasty.filter((s) => s.length > 0 && !s.includes('/')) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes('/')) },
);

function queryString(q: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined) continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

it('rejects bad input on every route with a 4xx, a Chinese field-level message and no write', async () => {
  const doc = (await t.anonymous.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, Schema>> };
  const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path: p, op })),
  );
  expect(operations.length).toBeGreaterThan(50);
  let requests = 0;
  let rejected = 0;
  const failures: string[] = [];
  for (const { method, path, op } of operations) {
    const route = `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
    if (SKIP.has(route)) continue;
    const access = CASES[route];
    expect(access, `no access case for ${route}`).toBeDefined();
    const caller = CALLERS.find((u) => access.allow.includes(u));
    const client = caller ? clients.get(caller) : undefined;
    if (!client) continue; // only roles outside CALLERS may call it (none today: checked below)
    const params = (op.parameters ?? []) as { in: string; name: string; required?: boolean; schema: Schema }[];
    const pathParams = Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, segment]));
    const query = fc.record(
      Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, valueFor(p.schema)])),
      { requiredKeys: [] },
    );
    const bodySchema = op.requestBody?.content?.['application/json']?.schema;
    const body = bodySchema
      ? fc.oneof({ weight: 4, arbitrary: validish(bodySchema) }, { weight: 1, arbitrary: wrong })
      : fc.constant(undefined);
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.record(pathParams), query, body, async (pp, q, b) => {
        const url = path.replace(/\{(\w+)\}/g, (_, k) => encodeURIComponent(String(pp[k]))) + queryString(q);
        const before = method === 'GET' ? '' : await footprint();
        const res = await client.request({
          method: method as 'GET',
          url,
          ...(b === undefined ? {} : { payload: JSON.stringify(b), headers: { 'content-type': 'application/json' } }),
        });
        requests++;
        const tag = `${method} ${url} ${JSON.stringify(b)?.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
        if (res.statusCode >= 500) failures.push(`5xx: ${tag}`);
        if (res.statusCode >= 400 && res.statusCode < 500) {
          rejected++;
          const e = res.json() as { code?: string; message?: string; field?: string; fields?: unknown[] };
          if (!hasChinese(e.message)) failures.push(`no Chinese message: ${tag}`);
          if (e.code === 'VALIDATION_FAILED' && (typeof e.field !== 'string' || !Array.isArray(e.fields)))
            failures.push(`validation error without field: ${tag}`);
          if (method !== 'GET' && !AUDITED_REJECTIONS.has(route) && (await footprint()) !== before)
            failures.push(`rejected but wrote: ${tag}`);
        }
        if (failures.length) throw new Error(failures.join('\n'));
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261124), endOnFailure: true },
    );
    if (process.env.FUZZ_LOG) console.log(route, caller, Math.round(performance.now() - started), 'ms');
    if (failures.length) break;
  }
  expect(failures).toEqual([]);
  expect(requests).toBeGreaterThan(operations.length * RUNS * 0.8);
  expect(rejected).toBeGreaterThan(requests / 4);
  const chain = await verifyChain(t.database.db);
  expect(chain.ok, JSON.stringify(chain.problem)).toBe(true);
}, 600_000);

/** Text the database or an XML document cannot carry: NUL, the two non-characters, a lone surrogate (issue #21). */
const UNSTORABLE = ['\u0000', '\uFFFE', '\uFFFF', '\uD800'];

/** Every path to a free-text string in a JSON Schema (uuid, date and enum strings are checked by format first). */
function stringPaths(s: Schema, path: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (!s || typeof s !== 'object' || depth > 4) return [];
  const alts = s.anyOf ?? s.oneOf ?? s.allOf;
  if (alts) return alts.flatMap((a: Schema) => stringPaths(a, path, depth + 1));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'string' && !s.enum && !s.format) return [path];
  if (type === 'array') return stringPaths(s.items, [...path, 0], depth + 1);
  if (type === 'object')
    return Object.entries((s.properties ?? {}) as Record<string, Schema>).flatMap(([k, v]) =>
      stringPaths(v, [...path, k], depth + 1),
    );
  return [];
}

function withValue(base: unknown, path: (string | number)[], value: string): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const arr = Array.isArray(base) ? [...base] : [];
    arr[0] = withValue(arr[0], rest, value);
    return arr;
  }
  const obj = base && typeof base === 'object' && !Array.isArray(base) ? { ...base } : {};
  return { ...obj, [head]: withValue((obj as Record<string, unknown>)[head], rest, value) };
}

/** encodeURIComponent, except that a lone surrogate goes as its (invalid) CESU-8 bytes instead of throwing. */
const encodeLoose = (v: string) =>
  v
    .split(/([\uD800-\uDFFF])/)
    .map((p) => (/^[\uD800-\uDFFF]$/.test(p) ? '%ED%A0%80' : encodeURIComponent(p)))
    .join('');

it('answers < 500 to NUL, U+FFFE, U+FFFF and a lone surrogate in every string field, query and the login', async () => {
  const doc = (await t.anonymous.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, Schema>> };
  const failures: string[] = [];
  const covered = new Set<string>();
  let requests = 0;
  for (const [p, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase();
      const route = `${method} ${p.replace(/\{(\w+)\}/g, ':$1')}`;
      if (SKIP.has(route)) continue;
      const caller = CALLERS.find((u) => CASES[route]?.allow.includes(u));
      const client = route === 'POST /api/auth/login' ? t.anonymous : caller ? clients.get(caller) : undefined;
      if (!client) continue;
      const params = (op.parameters ?? []) as { in: string; name: string; schema: Schema }[];
      const url = p.replace(/\{(\w+)\}/g, () => encodeURIComponent(ids[0] ?? 'x'));
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const base = bodySchema ? fc.sample(validish(bodySchema), { numRuns: 1, seed: 21 })[0] : undefined;
      const cases: { query: string; body: unknown; field: string }[] = [];
      for (const q of params.filter((x) => x.in === 'query' && stringPaths(x.schema).length))
        for (const bad of UNSTORABLE)
          cases.push({ query: `?${q.name}=${encodeLoose(`值${bad}`)}`, body: base, field: `${q.name}=` });
      for (const path of bodySchema ? stringPaths(bodySchema) : [])
        for (const bad of UNSTORABLE)
          cases.push({ query: '', body: withValue(base, path, `值${bad}`), field: path.join('.') });
      for (const c of cases) {
        const res = await client.request({
          method: method as 'GET',
          url: url + c.query,
          ...(c.body === undefined
            ? {}
            : { payload: JSON.stringify(c.body), headers: { 'content-type': 'application/json' } }),
        });
        requests++;
        covered.add(`${route} ${c.field}`);
        if (res.statusCode >= 500) failures.push(`${route} ${c.field} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
  }
  expect(failures).toEqual([]);
  expect(covered).toContain('POST /api/auth/login username');
  expect(covered).toContain('GET /api/problems q=');
  expect(requests).toBeGreaterThan(500);
}, 600_000);
