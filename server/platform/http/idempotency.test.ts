import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { IDEMPOTENCY_LEASE_SECONDS } from './idempotency.js';

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
});
afterAll(() => t.close());

const unit = (code: string) => ({ name: `幂等测试局${code}`, code, type: 'department' });
const count = async (code: string) => (await office.get(`/api/units?q=${code}`)).json().total as number;
const keyRow = async (key: string) =>
  (
    await t.database.query<{ status: number; body: { id?: string; claim?: string } }>(
      'SELECT status, body FROM idempotency_keys WHERE key = $1',
      [key],
    )
  ).rows[0];

/** Leaves a claim as an attempt that is still running (or crashed) would, `ageSeconds` old. */
async function leaveClaim(key: string, ageSeconds: number) {
  const me = (await office.get('/api/me')).json();
  await t.database.query(
    `INSERT INTO idempotency_keys (key, user_id, route, status, body, created_at)
     VALUES ($1, $2, 'POST /api/units', 0, '{"claim":"00000000-0000-4000-8000-000000000000"}', now() - make_interval(secs => $3))`,
    [key, me.id ?? me.user?.id, ageSeconds],
  );
}

describe('Idempotency-Key', () => {
  it('stores the answer with the object in one transaction and replays it', async () => {
    const key = 'idem-commit-0001';
    const first = await office.post('/api/units', unit('IDA1'), { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    // The outcome row was written by the write's transaction: the answer's status and body, not a marker.
    expect(await keyRow(key)).toMatchObject({ status: 201, body: { id: first.json().id } });
    const again = await office.post('/api/units', unit('IDA1'), { 'idempotency-key': key });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count('IDA1')).toBe(1);
  });

  it('answers 409 in Chinese while another attempt holds the key, and creates nothing', async () => {
    const key = 'idem-lease-0002';
    await leaveClaim(key, 1);
    const retry = await office.post('/api/units', unit('IDA2'), { 'idempotency-key': key });
    expect(retry.statusCode).toBe(409);
    expect(retry.json()).toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
    expect(retry.json().message).toMatch(/正在处理中/);
    expect(await count('IDA2')).toBe(0);
  });

  it('lets a retry run once when the attempt that claimed the key crashed (lease run out)', async () => {
    const key = 'idem-crash-0003';
    await leaveClaim(key, IDEMPOTENCY_LEASE_SECONDS + 1);
    const retries = await Promise.all(
      Array.from({ length: 4 }, () => office.post('/api/units', unit('IDA3'), { 'idempotency-key': key })),
    );
    const statuses = retries.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const created = new Set(retries.filter((r) => r.statusCode === 201).map((r) => r.json().id));
    expect(created.size).toBe(1);
    expect(await count('IDA3')).toBe(1);
    const later = await office.post('/api/units', unit('IDA3'), { 'idempotency-key': key });
    expect(later.headers['idempotent-replay']).toBe('true');
    expect(later.json().id).toBe([...created][0]);
  });

  it('gives the key back when the write fails, so a corrected retry runs', async () => {
    const key = 'idem-fail-0004';
    const bad = await office.post('/api/units', { ...unit('ZJJ'), name: '重复代码' }, { 'idempotency-key': key });
    expect(bad.statusCode).toBe(422);
    expect(await keyRow(key)).toBeUndefined();
    const good = await office.post('/api/units', unit('IDA4'), { 'idempotency-key': key });
    expect(good.statusCode).toBe(201);
  });

  it('does not let another user or route reuse a key', async () => {
    const key = 'idem-other-0005';
    expect((await office.post('/api/units', unit('IDA5'), { 'idempotency-key': key })).statusCode).toBe(201);
    const other = await t.as('sysadmin');
    const res = await other.post('/api/units', unit('IDA6'), { 'idempotency-key': key });
    expect([403, 422]).toContain(res.statusCode);
    expect(await count('IDA6')).toBe(0);
  });
});
