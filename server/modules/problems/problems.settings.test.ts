import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalationSetting } from './problems.escalation.js';
import { type TestApp, createTestApp } from '../../test/harness.js';
import { PROVINCE, readSetting, regionalSettings, writeSetting } from '../../platform/settings/settings.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('settings per region, over a province default', () => {
  it('a county office changes its own escalation thresholds, not every region’s', async () => {
    const office = await t.as('office');
    const mine = (await office.get('/api/settings/escalation')).json();
    expect(mine.noticeAfter).toBe(5);
    const res = await office.patch('/api/settings/escalation', { ...mine, noticeAfter: 2 });
    expect(res.statusCode, res.body).toBe(200);
    expect((await office.get('/api/settings/escalation')).json().noticeAfter).toBe(2);
    // Another county (and the province default) still sees 5.
    const db = t.database.db;
    expect((await readSetting(db, escalationSetting, randomUUID())).noticeAfter).toBe(5);
    expect((await readSetting(db, escalationSetting, PROVINCE)).noticeAfter).toBe(5);
    const rows = await t.database.query<{ scope: string }>(
      "SELECT scope FROM settings WHERE key = 'problems.escalation'",
    );
    expect(rows.rows.map((r) => r.scope)).not.toContain(PROVINCE);
  });

  it('a region inherits the province default until it sets its own value', async () => {
    const db = t.database.db;
    const other = randomUUID();
    const province = await readSetting(db, escalationSetting, PROVINCE);
    await writeSetting(db, escalationSetting, { ...province, blueWorkingDays: 7 }, province.version, PROVINCE);
    expect(await readSetting(db, escalationSetting, other)).toMatchObject({ blueWorkingDays: 7, version: 0 });
    await writeSetting(db, escalationSetting, { ...province, blueWorkingDays: 1 }, 0, other);
    expect((await readSetting(db, escalationSetting, other)).blueWorkingDays).toBe(1);
    const all = await regionalSettings(db, escalationSetting);
    expect(all.province.blueWorkingDays).toBe(7);
    expect(all.regions.get(other)?.blueWorkingDays).toBe(1);
  });
});
