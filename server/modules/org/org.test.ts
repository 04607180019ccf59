import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testAppForFile, unitByCode } from '../../test/harness.js';
import { PEOPLE_HEADER, UNIT_HEADER, exported, multipartFile, readWorkbook, workbookOf } from '../../test/xlsx.js';

const t = testAppForFile();
const office = t.client('office');

const count = async (table: string) =>
  Number(
    (await t.database.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`)).rows[0].n,
  );

describe('demo county', () => {
  it('has ~60 units of every type, ~300 people and 6 patrol groups', async () => {
    const units = (await office.get('/api/units?pageSize=2000')).json();
    expect(units.total).toBeGreaterThanOrEqual(55);
    expect(new Set(units.items.map((u: { type: string }) => u.type))).toEqual(
      new Set(['party_committee', 'department', 'township', 'soe', 'dispatched']),
    );
    expect(units.items.filter((u: { type: string }) => u.type === 'township')).toHaveLength(10);
    expect((await office.get('/api/people?pageSize=1')).json().total).toBeGreaterThanOrEqual(280);
    expect((await office.get('/api/groups?kind=patrol')).json().items).toHaveLength(6);
    const zjj = await unitByCode(office, 'ZJJ');
    expect(zjj).toMatchObject({
      shortName: '县住建局',
      principalName: expect.any(String),
      liaisonName: expect.any(String),
    });
    const fu = (await (await t.as('fuxianzhang')).get('/api/me')).json();
    expect(zjj.leaderInChargeName).toBe(fu.user.displayName);
  });
});

describe('units and people', () => {
  it('creates, edits and refuses a stale edit with 409', async () => {
    const parent = await unitByCode(office, 'ZF');
    const created = await office.post('/api/units', {
      name: '示范县数据局',
      code: 'SJU',
      type: 'department',
      parentId: parent.id,
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    const first = await office.patch(`/api/units/${unit.id}`, { version: unit.version, shortName: '县数据局' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ shortName: '县数据局', name: '示范县数据局', version: unit.version + 1 });
    const stale = await office.patch(`/api/units/${unit.id}`, { version: unit.version, shortName: '别的名字' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({ code: 'VERSION_CONFLICT', message: '数据已被他人修改，请刷新后重试' });
    expect((await office.get(`/api/units/${unit.id}`)).json().shortName).toBe('县数据局');
  });

  it('refuses a duplicate code and an invalid type with field-level Chinese messages', async () => {
    const dup = await office.post('/api/units', { name: '重复', code: 'ZJJ', type: 'department' });
    expect(dup.statusCode).toBe(422);
    expect(dup.json()).toMatchObject({ code: 'UNIT_CODE_TAKEN', field: 'code' });
    const bad = await office.post('/api/units', { name: '', code: 'OK1', type: 'ministry' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['name', 'type']);
    expect(bad.json().fields.find((f: { field: string }) => f.field === 'type').message).toMatch(/单位类型应为/);
  });

  it('will not delete a unit that still has people, nor move a unit under its own child', async () => {
    const zjj = await unitByCode(office, 'ZJJ');
    const del = await office.delete(`/api/units/${zjj.id}?version=${zjj.version}`);
    expect(del.statusCode).toBe(422);
    expect(del.json().message).toMatch(/名人员/);
    const zf = await unitByCode(office, 'ZF');
    const cycle = await office.patch(`/api/units/${zf.id}`, { version: zf.version, parentId: zjj.id });
    expect(cycle.statusCode).toBe(422);
  });

  it('sets principal, members, liaison and the county leader in charge', async () => {
    const unit = await unitByCode(office, 'SJJ');
    const staff = (await office.get(`/api/people?unitId=${unit.id}&pageSize=50`)).json().items;
    const leaders = (await office.get(`/api/people?q=副县长&pageSize=50`)).json().items;
    const res = await office.patch(`/api/units/${unit.id}`, {
      version: unit.version,
      principalPersonId: staff[0].id,
      memberPersonIds: [staff[1].id, staff[2].id],
      liaisonPersonId: staff[3].id,
      leaderInChargePersonId: leaders[0].id,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      principalName: staff[0].name,
      liaisonName: staff[3].name,
      leaderInChargeName: leaders[0].name,
      memberPersonIds:
        [staff[1].id, staff[2].id].sort().length === 2 ? expect.arrayContaining([staff[1].id, staff[2].id]) : [],
    });
  });

  it('keeps a history of posts', async () => {
    const unit = await unitByCode(office, 'JYJ');
    const p = (await office.post('/api/people', { name: '调岗人', unitId: unit.id, post: '科员' })).json();
    const moved = await office.patch(`/api/people/${p.id}`, { version: p.version, post: '副局长', isLeader: true });
    expect(moved.statusCode).toBe(200);
    const detail = (await office.get(`/api/people/${p.id}`)).json();
    expect(detail.posts.map((x: { post: string }) => x.post)).toEqual(expect.arrayContaining(['科员', '副局长']));
    expect(detail.posts.find((x: { post: string }) => x.post === '副局长').to).toBeNull();
  });

  it('searches people by name and sorts server-side', async () => {
    const all = (await office.get('/api/people?pageSize=5&sort=-name')).json();
    expect(all.items).toHaveLength(5);
    const name = all.items[0].name;
    const found = (await office.get(`/api/people?q=${encodeURIComponent(name)}`)).json();
    expect(found.items.map((p: { name: string }) => p.name)).toContain(name);
  });
});

describe('xlsx import and export', () => {
  const upload = async (buf: Buffer) => {
    const body = await multipartFile(buf);
    return office.request({ method: 'POST', url: '/api/org/import', payload: body.payload, headers: body.headers });
  };

  it('reports every bad row with its number and reason, and imports nothing', async () => {
    const unitsBefore = await count('units');
    const peopleBefore = await count('people');
    const file = await workbookOf({
      单位: [
        UNIT_HEADER,
        ['NEW1', '示范县新一局', '', '部门', 'ZF', 1],
        ['NEW2', '', '', '部门', 'ZF', 2],
        ['NEW3', '示范县新三局', '', '部委', 'ZF', 3],
        ['NEW1', '重复编码', '', '部门', '', 4],
        ['NEW5', '示范县新五局', '', '部门', 'NOPE', 5],
      ],
      人员: [
        PEOPLE_HEADER,
        ['张新', '男', 'NEW1', '局长', '正科级', '是', '是', '13900000000'],
        ['李新', '未知', 'NEW1', '科员', '', '是', '否', ''],
        ['王新', '女', 'MISSING', '科员', '', '是', '否', ''],
        ['赵新', '女', 'NEW1', '科员', '', '也许', '否', '12345'],
      ],
    });
    const res = await upload(file);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('IMPORT_INVALID');
    expect(body.message).toMatch(/未导入任何数据/);
    const where = body.rows.map((r: { sheet: string; row: number }) => `${r.sheet}${r.row}`);
    expect(where).toEqual(expect.arrayContaining(['单位3', '单位4', '单位5', '单位6', '人员3', '人员4', '人员5']));
    expect(where).not.toContain('单位2');
    expect(where).not.toContain('人员2');
    expect(body.rows.find((r: { sheet: string; row: number }) => r.sheet === '单位' && r.row === 5).message).toMatch(
      /重复/,
    );
    expect(await count('units')).toBe(unitsBefore);
    expect(await count('people')).toBe(peopleBefore);
  });

  it('refuses a file that is not a workbook', async () => {
    const res = await upload(Buffer.from('not excel'));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('IMPORT_NOT_XLSX');
  });

  it('imports a good file in one go, updating existing units and people', async () => {
    const file = await workbookOf({
      单位: [
        UNIT_HEADER,
        ['KJJ', '示范县科技局', '县科技局', '部门', 'ZF', 500],
        ['KJJ-1', '科技局信息中心', '', '部门', 'KJJ', 1],
      ],
      人员: [
        PEOPLE_HEADER,
        ['钱科技', '男', 'KJJ', '局长', '正科级', '是', '是', '13900000001'],
        ['孙信息', '女', 'KJJ-1', '主任', '', '否', '否', '0871-1234567'],
      ],
    });
    const res = await upload(file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ units: 2, unitsCreated: 2, people: 2, peopleCreated: 2 });
    const again = await upload(file);
    expect(again.json()).toMatchObject({ unitsCreated: 0, peopleCreated: 0, peopleUpdated: 2 });
    const child = await unitByCode(office, 'KJJ-1');
    expect(child.parentId).toBe((await unitByCode(office, 'KJJ')).id);
  });

  it('exports units and people in the import layout, scoped to the caller', async () => {
    const units = await readWorkbook((await office.get('/api/units/export.xlsx')).rawPayload);
    expect(units.单位[0]).toEqual(UNIT_HEADER);
    expect(units.单位.length).toBeGreaterThan(55);
    const zhujian = await t.as('zhujian');
    const res = await zhujian.get('/api/people/export.xlsx');
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const rows = (await readWorkbook(res.rawPayload)).人员;
    expect(rows[0]).toEqual(PEOPLE_HEADER);
    expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(new Set(['ZJJ']));
    const template = await readWorkbook((await zhujian.get('/api/org/import-template.xlsx')).rawPayload);
    expect(Object.keys(template)).toEqual(['单位', '人员', '填写说明']);
    expect(template.单位).toHaveLength(1);
  });

  it('puts exported rows right under the header, not below the rows that carry the drop-downs', async () => {
    for (const [path, sheet] of [
      ['/api/units/export.xlsx', '单位'],
      ['/api/people/export.xlsx', '人员'],
    ]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await office.get(path)).rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(sheet);
      expect(ws?.getRow(2).getCell(1).value, path).toBeTruthy();
      expect(ws?.autoFilter, path).toMatch(/^A1:/);
    }
  });
});

describe('idempotent creation', () => {
  it('creates once when the same Idempotency-Key is submitted twice', async () => {
    const body = { name: '示范县重复提交测试局', code: 'IDEM1', type: 'department' };
    const headers = { 'idempotency-key': 'unit-create-0001' };
    const first = await office.post('/api/units', body, headers);
    const second = await office.post('/api/units', body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replay']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    expect((await office.get('/api/units?q=IDEM1')).json().total).toBe(1);
  });

  it('lets a failed submission be retried with the same key', async () => {
    const headers = { 'idempotency-key': 'unit-create-0002' };
    const bad = await office.post('/api/units', { name: '重试', code: 'ZJJ', type: 'department' }, headers);
    expect(bad.statusCode).toBe(422);
    const good = await office.post('/api/units', { name: '重试', code: 'IDEM2', type: 'department' }, headers);
    expect(good.statusCode).toBe(201);
  });
});

describe('groups', () => {
  it('creates a patrol group with the units it oversees and edits it', async () => {
    const unit = await unitByCode(office, 'CGZ');
    const res = await office.post('/api/groups', { kind: 'patrol', name: '第七督导巡查组', unitIds: [unit.id] });
    expect(res.statusCode).toBe(201);
    const g = res.json();
    const edited = await office.patch(`/api/groups/${g.id}`, { version: g.version, name: '第七督导巡查组（专项）' });
    expect(edited.json()).toMatchObject({ name: '第七督导巡查组（专项）', unitIds: [unit.id] });
  });

  it('pages and filters the group list on the server and exports it with the same filters', async () => {
    const first = (await office.get('/api/groups?kind=patrol&pageSize=4')).json();
    const second = (await office.get('/api/groups?kind=patrol&pageSize=4&page=2')).json();
    expect(first.items).toHaveLength(4);
    expect(first.total).toBe(second.total);
    expect(new Set([...first.items, ...second.items].map((g: { id: string }) => g.id)).size).toBe(first.total);
    const named = (await office.get(`/api/groups?kind=patrol&q=${encodeURIComponent('第一')}`)).json();
    expect(named.items.every((g: { name: string }) => g.name.includes('第一'))).toBe(true);
    expect(named.total).toBeGreaterThan(0);
    const file = await office.get(`/api/groups/export.xlsx?kind=patrol&q=${encodeURIComponent('第一')}`);
    const [header, ...rows] = (await readWorkbook(file.rawPayload)).工作组;
    expect(header).toEqual(['类型', '名称', '组长', '成员数', '联系或监督单位']);
    expect(rows.map((r) => r[1])).toEqual(named.items.map((g: { name: string }) => g.name));
  });
});

describe('issuers', () => {
  it('pages the region offices like every list, in the order of the codes', async () => {
    const all = (await office.get('/api/issuers?pageSize=100')).json();
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(2);
    const first = (await office.get('/api/issuers?pageSize=2')).json();
    const second = (await office.get('/api/issuers?pageSize=2&page=2')).json();
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((i: { code: string }) => i.code)).toEqual(
      all.items.slice(0, 4).map((i: { code: string }) => i.code),
    );
    expect((await office.get('/api/issuers?page=0')).statusCode).toBe(400);
  });

  it('exports the region offices as listed, one set by the office marked 已设置 (GET /api/issuers/export.xlsx)', async () => {
    const saved = await office.put('/api/issuers/joint_meeting', {
      name: '示范县模拟问责联席会议办公室',
      signature: '示范县模拟问责联席会议办公室',
      abbreviation: '示模联',
      shortName: '县联席办',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const listed = (await office.get('/api/issuers?pageSize=100')).json();
    const [header, ...rows] = (await exported(office, '/api/issuers/export.xlsx')).发文机关;
    expect(header).toEqual(['机关', '全称（红头）', '署名', '机关代字', '简称', '来源']);
    type Issuer = { label: string; name: string; signature: string; abbreviation: string; shortName: string };
    expect(rows).toEqual(
      listed.items.map((i: Issuer & { custom: boolean }) => [
        i.label,
        i.name,
        i.signature,
        i.abbreviation,
        i.shortName,
        i.custom ? '已设置' : '按地区名称',
      ]),
    );
    expect(rows.filter((r) => r[5] === '已设置').map((r) => r[3])).toContain('示模联');
    // 三员分立: the audit administrator reads no organisation data, nor its export.
    expect((await (await t.as('auditadmin')).get('/api/issuers/export.xlsx')).statusCode).toBe(403);
  });
});
