import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import { freshChain } from '../../test/audit-chain.js';
import { archiveAudit, latestArchiveDate, verifyArchive } from './audit.archive.js';
import { auditSecrets } from './audit.key.js';
import { anchorHead, verifyChain } from './audit.service.js';

/** Issue #22: six months in the database, then a verifiable archive file — never a silent deletion. */
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

/** Three events a year ago (after the audit.keyed row), two today. */
async function agedChain() {
  const c = await freshChain(0);
  open.push(c);
  await c.clock.set(c.database.db, dayjs().subtract(1, 'year').toDate());
  await c.append(3);
  await c.clock.set(c.database.db, new Date());
  await c.append(2);
  await anchorHead(c.database.db, c.secrets);
  return c;
}

describe('audit archive', { timeout: 90_000 }, () => {
  it('refuses to archive events younger than six months', async () => {
    const c = await agedChain();
    const tooYoung = dayjs(latestArchiveDate(new Date())).add(1, 'day').format('YYYY-MM-DD');
    await expect(archiveAudit(c.database.db, c.clock, c.secrets, { before: tooYoung })).rejects.toMatchObject({
      code: 'AUDIT_RETENTION',
      message: expect.stringMatching(/至少保存 6 个月（网络安全法第二十一条）/),
    });
    expect(await c.rows()).toHaveLength(6);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zelian-archive-'));
    const env = {
      ...process.env,
      DATA_DIR: dir,
      DATABASE_URL: '',
      ZELIAN_AUDIT_KEY: auditSecrets().key.toString('hex'),
    };
    const cli = await promisify(execFile)('npx', ['tsx', 'scripts/audit-archive.ts', '--before', tooYoung], {
      env,
    }).catch((e) => e);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/至少保存 6 个月/);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 90_000);

  it('moves older events into a verifiable archive file, records it and keeps the chain verifiable', async () => {
    const c = await agedChain();
    const file = path.join(c.dir, 'archive.jsonl');
    const result = await archiveAudit(c.database.db, c.clock, c.secrets, {
      before: latestArchiveDate(new Date()),
      file,
    });
    expect(result).toMatchObject({ from: 1, through: 4, file });
    expect(await c.rows()).toEqual([5, 6, 7]);
    const { rows } = await c.database.query<{ after: { from: number; through: number } }>(
      `SELECT after FROM audit_events WHERE type = 'audit.archived'`,
    );
    expect(rows[0].after).toMatchObject({ from: 1, through: 4 });
    expect(verifyArchive(file, c.secrets)).toMatchObject({ ok: true, from: 1, through: 4, rows: 4, anchored: true });
    expect(await verifyChain(c.database.db, c.secrets)).toMatchObject({ ok: true, baseSeq: 4, checked: 3 });

    // An edited archive file, and a chain start moved without the archive's anchor, are both detected.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"n":1', '"n":9'));
    expect(verifyArchive(file, c.secrets)).toMatchObject({ ok: false, problem: { seq: 3 } });
    await c.tamper(`UPDATE audit_head SET base_seq = 5, base_hash = (SELECT hash FROM audit_events WHERE seq = 5)`);
    await c.tamper('DELETE FROM audit_events WHERE seq = 5');
    expect((await verifyChain(c.database.db, c.secrets)).problem?.reason).toMatch(/没有外部锚点记录/);
  });

  it('refuses an empty range, and an archive without an external anchor', async () => {
    const c = await agedChain();
    await expect(
      archiveAudit(c.database.db, c.clock, c.secrets, { before: dayjs().subtract(2, 'year').format('YYYY-MM-DD') }),
    ).rejects.toMatchObject({ code: 'AUDIT_ARCHIVE_EMPTY' });
    await expect(
      archiveAudit(c.database.db, c.clock, { key: c.secrets.key }, { before: '2020-01-01' }),
    ).rejects.toMatchObject({ code: 'AUDIT_NO_ANCHOR' });
  });
});
