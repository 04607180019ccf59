import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { UNIT_TYPE_LABELS, type UnitType } from '../../../common/org.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { isoDate } from '../../platform/calendar/working-days.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, badRequest, forbidden } from '../../platform/errors.js';
import * as repo from './org.repository.js';
import { cellText } from '../../platform/documents/xlsx-cells.js';
import { checkXlsxSize } from '../../platform/documents/xlsx-limits.js';

export const UNIT_SHEET = '单位';
export const PEOPLE_SHEET = '人员';
export const UNIT_COLUMNS = ['单位编码', '单位名称', '简称', '单位类型', '上级单位编码', '排序'] as const;
export const PEOPLE_COLUMNS = [
  '姓名',
  '性别',
  '单位编码',
  '职务',
  '职级',
  '是否党员',
  '是否班子成员',
  '联系电话',
] as const;
const TYPE_BY_LABEL = new Map<string, UnitType>(Object.entries(UNIT_TYPE_LABELS).map(([k, v]) => [v, k as UnitType]));
export const MAX_ROWS = 200_000;
export const HEADER_FILL = 'FFE8EEF7';
export const UNIT_WIDTHS = [16, 30, 14, 12, 16, 8];
export const PEOPLE_WIDTHS = [12, 6, 16, 24, 14, 10, 12, 16];

export interface ImportRowError {
  sheet: string;
  row: number;
  field: string;
  message: string;
}

export function regionOf(ctx: Ctx) {
  const id = ctx.actor?.scope.regionId;
  if (!id) throw forbidden('当前账号未绑定地区');
  return id;
}

function styleHeader(ws: ExcelJS.Worksheet, widths: number[]) {
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '责链';
  wb.created = new Date();
  return wb;
}

function unitSheet(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet(UNIT_SHEET);
  ws.addRow([...UNIT_COLUMNS]);
  styleHeader(ws, UNIT_WIDTHS);
  const types = `"${Object.values(UNIT_TYPE_LABELS).join(',')}"`;
  for (let r = 2; r <= 2000; r++) {
    ws.getCell(`D${r}`).dataValidation = { type: 'list', allowBlank: false, formulae: [types] };
  }
  return ws;
}

function peopleSheet(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet(PEOPLE_SHEET);
  ws.addRow([...PEOPLE_COLUMNS]);
  styleHeader(ws, PEOPLE_WIDTHS);
  for (let r = 2; r <= 5000; r++) {
    ws.getCell(`B${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"男,女"'] };
    ws.getCell(`F${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
    ws.getCell(`G${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
  }
  return ws;
}

/** Empty 单位 and 人员 sheets (uploading the template unchanged imports nothing) plus a 填写说明 sheet. */
export async function importTemplate(): Promise<Buffer> {
  const wb = workbook();
  unitSheet(wb);
  peopleSheet(wb);
  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 100;
  for (const line of [
    '1. “单位”表每行一个单位；单位编码唯一，已存在的编码将更新该单位。',
    `2. 单位类型可选：${Object.values(UNIT_TYPE_LABELS).join('、')}。`,
    '3. 上级单位编码可填本表中的编码或系统中已有单位的编码，留空表示顶级单位。',
    '4. “人员”表的单位编码须为已有单位或本文件“单位”表中的编码；同一单位同名人员将被更新。',
    '5. 是否党员、是否班子成员填“是”或“否”；联系电话可填手机号或带区号的固定电话。',
    '6. 任何一行有误时整份文件都不会导入，系统会列出全部错误行，请修改后重新上传。',
    '示例（单位）：ZJJ | 某县住房和城乡建设局 | 县住建局 | 部门 | ZF | 10',
    '示例（人员）：张三 | 男 | ZJJ | 局长 | 正科级 | 是 | 是 | 13800000000',
  ]) {
    help.addRow([line]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function checkHeader(ws: ExcelJS.Worksheet, columns: readonly string[], errors: ImportRowError[]) {
  const header = ws.getRow(1);
  columns.forEach((name, i) => {
    if (cellText(header, i + 1) !== name) {
      errors.push({ sheet: ws.name, row: 1, field: name, message: `第1行第${i + 1}列应为“${name}”，请使用下载的模板` });
    }
  });
}

const yesNo = (s: string) => (s === '' ? undefined : s === '是' ? true : s === '否' ? false : null);

/**
 * Imports units and people from the template workbook. Every row is validated first; if any
 * row is bad nothing is written and every bad row is reported with its row number.
 * Existing units (same code) and people (same name in the same unit) are updated.
 */
export async function importOrg(ctx: Ctx, file: Buffer) {
  const regionId = regionOf(ctx);
  checkXlsxSize(file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw badRequest('IMPORT_NOT_XLSX', '无法读取文件，请上传 .xlsx 格式的 Excel 文件', 'file');
  }
  const unitWs = wb.getWorksheet(UNIT_SHEET);
  const peopleWs = wb.getWorksheet(PEOPLE_SHEET);
  if (!unitWs && !peopleWs) {
    throw badRequest('IMPORT_NO_SHEET', `文件中没有“${UNIT_SHEET}”或“${PEOPLE_SHEET}”工作表，请使用下载的模板`, 'file');
  }
  const errors: ImportRowError[] = [];
  const existing = await repo.allUnitsOfRegion(ctx.db, regionId);
  const byCode = new Map(existing.map((u) => [u.code, u]));

  type UnitIn = {
    row: number;
    code: string;
    name: string;
    shortName: string;
    type: UnitType;
    parentCode: string;
    sortOrder: number;
  };
  const unitRows: UnitIn[] = [];
  if (unitWs) {
    checkHeader(unitWs, UNIT_COLUMNS, errors);
    if (unitWs.rowCount > MAX_ROWS) throw badRequest('IMPORT_TOO_LARGE', `单次最多导入 ${MAX_ROWS} 行`, 'file');
    const seen = new Map<string, number>();
    unitWs.eachRow((row, n) => {
      if (n === 1) return;
      const bad = (field: string, message: string) => errors.push({ sheet: UNIT_SHEET, row: n, field, message });
      const [code, name, shortName, typeLabel, parentCode, sort] = [1, 2, 3, 4, 5, 6].map((c) => cellText(row, c));
      if (!code && !name && !typeLabel) return;
      if (!/^[A-Za-z0-9_-]{1,30}$/.test(code))
        bad('单位编码', '单位编码为空或格式不正确（字母、数字、下划线、短横线，最多30位）');
      else if (seen.has(code)) bad('单位编码', `单位编码 ${code} 与第${seen.get(code)}行重复`);
      if (!name) bad('单位名称', '单位名称不能为空');
      else if (name.length > 100) bad('单位名称', '单位名称不能超过100个字');
      const type = TYPE_BY_LABEL.get(typeLabel);
      if (!type) bad('单位类型', `单位类型“${typeLabel}”不正确，应为：${[...TYPE_BY_LABEL.keys()].join('、')}`);
      const sortOrder = sort === '' ? 0 : Number(sort);
      if (!Number.isInteger(sortOrder) || sortOrder < 0) bad('排序', '排序应为非负整数');
      seen.set(code, n);
      if (type) unitRows.push({ row: n, code, name, shortName, type, parentCode, sortOrder });
    });
    const inFile = new Set(unitRows.map((u) => u.code));
    for (const u of unitRows) {
      if (u.parentCode && !inFile.has(u.parentCode) && !byCode.has(u.parentCode)) {
        errors.push({
          sheet: UNIT_SHEET,
          row: u.row,
          field: '上级单位编码',
          message: `上级单位编码 ${u.parentCode} 不存在`,
        });
      }
      if (u.parentCode === u.code) {
        errors.push({ sheet: UNIT_SHEET, row: u.row, field: '上级单位编码', message: '上级单位不能是本单位' });
      }
    }
  }

  type PersonIn = {
    row: number;
    name: string;
    gender: '男' | '女' | null;
    unitCode: string;
    post: string;
    rank: string;
    partyMember: boolean;
    isLeader: boolean;
    phone: string;
  };
  const personRows: PersonIn[] = [];
  if (peopleWs) {
    checkHeader(peopleWs, PEOPLE_COLUMNS, errors);
    if (peopleWs.rowCount > MAX_ROWS) throw badRequest('IMPORT_TOO_LARGE', `单次最多导入 ${MAX_ROWS} 行`, 'file');
    const unitCodes = new Set([...byCode.keys(), ...unitRows.map((u) => u.code)]);
    const seen = new Map<string, number>();
    peopleWs.eachRow((row, n) => {
      if (n === 1) return;
      const bad = (field: string, message: string) => errors.push({ sheet: PEOPLE_SHEET, row: n, field, message });
      const [name, gender, unitCode, post, rank, party, leader, phone] = [1, 2, 3, 4, 5, 6, 7, 8].map((c) =>
        cellText(row, c),
      );
      if (!name && !unitCode && !post) return;
      if (!name) bad('姓名', '姓名不能为空');
      else if (name.length > 30) bad('姓名', '姓名不能超过30个字');
      if (gender && gender !== '男' && gender !== '女') bad('性别', '性别应为“男”或“女”');
      if (!unitCode) bad('单位编码', '单位编码不能为空');
      else if (!unitCodes.has(unitCode)) bad('单位编码', `单位编码 ${unitCode} 不存在`);
      const partyMember = yesNo(party);
      const isLeader = yesNo(leader);
      if (partyMember === null) bad('是否党员', '应填写“是”或“否”');
      if (isLeader === null) bad('是否班子成员', '应填写“是”或“否”');
      if (phone && !/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(phone)) bad('联系电话', '联系电话格式不正确');
      const key = `${unitCode}/${name}`;
      if (seen.has(key)) bad('姓名', `与第${seen.get(key)}行重复（同一单位同名）`);
      seen.set(key, n);
      personRows.push({
        row: n,
        name,
        gender: gender === '男' || gender === '女' ? gender : null,
        unitCode,
        post,
        rank,
        partyMember: partyMember ?? true,
        isLeader: isLeader ?? false,
        phone,
      });
    });
  }

  if (errors.length > 0) {
    errors.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
    throw new AppError(400, 'IMPORT_INVALID', `有 ${errors.length} 处错误，未导入任何数据，请修改后重新上传`, {
      rows: errors,
    });
  }

  // All rows valid: write everything in the caller's transaction.
  const idOf = new Map(existing.map((u) => [u.code, u.id]));
  const newUnits = unitRows.filter((u) => !idOf.has(u.code));
  for (const u of newUnits) idOf.set(u.code, crypto.randomUUID());
  await repo.insertUnits(
    ctx.db,
    newUnits.map((u) => ({
      id: idOf.get(u.code),
      regionId,
      parentId: u.parentCode ? (idOf.get(u.parentCode) ?? null) : null,
      code: u.code,
      name: u.name,
      shortName: u.shortName,
      type: u.type,
      sortOrder: u.sortOrder,
    })),
  );
  for (const u of unitRows.filter((x) => byCode.has(x.code))) {
    const cur = byCode.get(u.code) as repo.UnitRow;
    await repo.updateUnit(ctx.db, cur.id, cur.version, {
      name: u.name,
      shortName: u.shortName,
      type: u.type,
      sortOrder: u.sortOrder,
      parentId: u.parentCode ? (idOf.get(u.parentCode) ?? null) : null,
    });
  }

  const existingPeople = await repo.peopleOfRegion(ctx.db, regionId);
  const personKey = new Map(existingPeople.map(({ person }) => [`${person.unitId}/${person.name}`, person]));
  const toInsert = [];
  let updatedPeople = 0;
  for (const p of personRows) {
    const unitId = idOf.get(p.unitCode) as string;
    const values = {
      name: p.name,
      gender: p.gender,
      unitId,
      post: p.post,
      rank: p.rank,
      partyMember: p.partyMember,
      isLeader: p.isLeader,
      phone: p.phone,
    };
    const cur = personKey.get(`${unitId}/${p.name}`);
    if (cur) {
      await repo.updatePerson(ctx.db, cur.id, cur.version, values);
      updatedPeople += 1;
    } else toInsert.push({ ...values, id: crypto.randomUUID(), regionId });
  }
  const today = isoDate(ctx.now);
  for (let i = 0; i < toInsert.length; i += 1000) {
    const chunk = toInsert.slice(i, i + 1000);
    await repo.insertPeople(ctx.db, chunk);
    await repo.insertPosts(
      ctx.db,
      chunk.filter((p) => p.post).map((p) => ({ personId: p.id, unitId: p.unitId, post: p.post, from: today })),
    );
  }
  const summary = {
    units: unitRows.length,
    unitsCreated: newUnits.length,
    people: personRows.length,
    peopleCreated: toInsert.length,
    peopleUpdated: updatedPeople,
  };
  await recordAudit(ctx, { type: 'org.imported', entity: 'org', after: summary });
  return summary;
}
