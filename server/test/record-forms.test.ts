import { sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../platform/db/client.js';
import { type Client, type TestApp, createTestApp } from './harness.js';

/** Issue #13: the 谈话笔录 carries the talk's hours and 记录人; the 纪要 its 出席/列席/请假 lists. */
let t: TestApp;
let office: Client;
let paizhu1: Client;

const docText = (buf: Buffer) => strFromU8(unzipSync(new Uint8Array(buf))['word/document.xml']).replace(/<[^>]+>/g, '');
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const unit = async (code: string) =>
  rowsOf<{ id: string; name: string; principal_person_id: string }>(
    await t.database.db.execute(
      sql`SELECT id, short_name AS name, principal_person_id FROM units WHERE code = ${code}`,
    ),
  )[0];

beforeAll(async () => {
  t = await createTestApp();
  [office, paizhu1] = await Promise.all(['office', 'paizhu1'].map((u) => t.as(u)));
});
afterAll(() => t.close());

describe('谈话笔录', () => {
  it('validates the hours and the 记录人 and prints them', async () => {
    const zjj = await unit('ZJJ');
    const [recorder] = rowsOf<{ id: string; name: string }>(
      await t.database.db.execute(
        sql`SELECT p.id, p.name FROM people p JOIN units u ON u.id = p.unit_id WHERE u.code = 'ZJJ' AND p.id <> ${zjj.principal_person_id} LIMIT 1`,
      ),
    );
    const base = {
      kind: 'reminder',
      talkerNames: '派驻第一组组长',
      subjectPersonIds: [zjj.principal_person_id],
      reason: '提醒谈话',
      talkOn: today(),
      place: '第一谈话室',
    };
    const backwards = await paizhu1.post('/api/talks', { ...base, startTime: '15:00', endTime: '14:30' });
    expect(backwards.json()).toMatchObject({ field: 'endTime', message: '谈话结束时间应晚于开始时间' });
    expect((await paizhu1.post('/api/talks', { ...base, startTime: '25:00' })).statusCode).toBe(400);
    const nobody = await paizhu1.post('/api/talks', { ...base, recorderPersonId: crypto.randomUUID() });
    expect(nobody.json()).toMatchObject({ field: 'recorderPersonId', code: 'PERSON_NOT_FOUND' });
    const created = await paizhu1.post('/api/talks', {
      ...base,
      startTime: '14:30',
      endTime: '15:45',
      recorderPersonId: recorder.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      startTime: '14:30',
      endTime: '15:45',
      recorder: { id: recorder.id, name: recorder.name },
    });
    const doc = await paizhu1.get(`/api/talks/${created.json().id}/documents/record.docx`);
    expect(doc.statusCode).toBe(200);
    const text = docText(doc.rawPayload);
    expect(text).toContain('14时30分至15时45分');
    expect(text).toMatch(new RegExp(`记录人：[^被]*${recorder.name}`));
  });
});

describe('会议纪要', () => {
  it('lists 出席, 列席 and 请假 units (GB/T 9704 10.3)', async () => {
    const [xwb, zfb, zzb, bb, zjj] = await Promise.all(['XWB', 'ZFB', 'ZZB', 'BB', 'ZJJ'].map(unit));
    const created = await office.post('/api/meetings', {
      title: '专项模拟问责联席会议',
      scheduledAt: '2026-11-25T02:00:00Z',
      place: '第二会议室',
      memberUnitIds: [xwb.id, zfb.id, zzb.id, bb.id],
      attendingUnitIds: [zjj.id],
      assemble: false,
    });
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json();
    expect(m.attendingUnits).toEqual([{ id: zjj.id, name: zjj.name }]);
    const fire = async (body: Record<string, unknown>) => {
      const x = (await office.get(`/api/meetings/${m.id}`)).json();
      return office.post(`/api/meetings/${m.id}/events`, { version: x.version, ...body });
    };
    const wrong = await fire({ type: 'hold', excusedUnitIds: [zjj.id] });
    expect(wrong.json()).toMatchObject({ code: 'EXCUSED_NOT_MEMBER', field: 'excusedUnitIds' });
    const held = await fire({ type: 'hold', excusedUnitIds: [bb.id] });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ excusedUnitIds: [bb.id], attendingUnitIds: [zjj.id] });
    expect((await fire({ type: 'close', summary: '抓好落实' })).statusCode).toBe(200);
    const doc = await office.get(`/api/meetings/${m.id}/documents/minutes.docx`);
    expect(doc.statusCode).toBe(200);
    const text = docText(doc.rawPayload);
    const present = text.slice(text.indexOf('出席'), text.indexOf('列席'));
    expect(present).toContain(xwb.name);
    expect(present).not.toContain(bb.name);
    expect(text.slice(text.indexOf('列席'), text.indexOf('请假'))).toContain(zjj.name);
    expect(text.slice(text.indexOf('请假'))).toContain(bb.name);
  });
});
