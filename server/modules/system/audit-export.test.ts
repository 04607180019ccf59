import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../test/harness.js';
import { readWorkbook } from '../../test/xlsx.js';

/** Issue #13: the audit administrator exports the audit log under the list's filters and content rules. */

const t = testAppForFile();
const audit = t.client('auditadmin');

type Row = { seq: number; entity: string; before: unknown; after: unknown; changed: string[] };

describe('GET /api/audit-events/export.xlsx', () => {
  it('holds the filtered rows of the list, with field names but no business content', async () => {
    const list = (await audit.get('/api/audit-events?entity=problem&pageSize=200')).json();
    expect(list.total).toBeGreaterThan(0);
    const res = await audit.get('/api/audit-events/export.xlsx?entity=problem');
    expect(res.statusCode).toBe(200);
    const [sheet] = Object.values(await readWorkbook(res.rawPayload));
    const header = sheet.findIndex((r) => r[0] === '序号');
    expect(sheet[header]).toEqual([
      '序号',
      '时间',
      '操作人',
      'IP地址',
      '事件类型',
      '对象类型',
      '对象ID',
      '变更字段',
      '变更前（系统管理对象）',
      '变更后（系统管理对象）',
    ]);
    const rows = sheet.slice(header + 1).filter((r) => r[0]);
    expect(rows.length).toBe(list.total);
    const first = list.items[0] as Row;
    const row = rows.find((r) => Number(r[0]) === first.seq) as string[];
    expect(row[5]).toBe('problem');
    expect(row[7] ?? '').toBe(first.changed.join('、'));
    // 三员分立: business objects carry no before/after, exactly as the list.
    expect(rows.every((r) => r[5] === 'problem' && !r[8] && !r[9])).toBe(true);
    const withChanges = rows.filter((r) => r[7]);
    expect(withChanges.length).toBeGreaterThan(0);

    // The administrators' own objects keep their content in both.
    const users = (await audit.get('/api/audit-events?entity=user&pageSize=200')).json();
    const usersSheet = Object.values(
      await readWorkbook((await audit.get('/api/audit-events/export.xlsx?entity=user')).rawPayload),
    )[0];
    const withContent = (users.items as Row[]).filter((e) => e.after !== null).length;
    expect(usersSheet.filter((r) => r[5] === 'user' && r[9]).length).toBe(withContent);
  });
});
