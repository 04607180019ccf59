import { GROUP_KIND_LABELS, UNIT_TYPE_LABELS } from '../../../common/org.js';
import type { TListGroups, TListIssuers } from '../../../common/org.schema.js';
import type { Ctx } from '../../platform/context.js';
import {
  listExport,
  pagedRows,
  type XlsxColumn,
  type XlsxExport,
  type Truncated,
} from '../../platform/documents/xlsx-export.js';
import { listIssuers } from './org.issuers.js';
import * as repo from './org.repository.js';
import { listPeople, pageGroups, unitNames } from './org.service.js';
import {
  HEADER_FILL,
  MAX_ROWS,
  PEOPLE_COLUMNS,
  PEOPLE_SHEET,
  PEOPLE_WIDTHS,
  regionOf,
  UNIT_COLUMNS,
  UNIT_SHEET,
  UNIT_WIDTHS,
} from './org.xlsx.js';

type PersonRow = Awaited<ReturnType<typeof listPeople>>['items'][number] & { unitCode: string };
type UnitRow = repo.UnitRow & { parentCode: string };

const yesNo = (b: boolean) => (b ? '是' : '否');
const YES_NO = ['是', '否'];

/** Columns in the import template's order, so an exported sheet can be edited and imported again. */
function importLayout<T>(
  headers: readonly string[],
  widths: number[],
  cells: ((row: T) => string | number)[],
  choices: Record<number, readonly string[]> = {},
): XlsxColumn<T>[] {
  return headers.map((header, i) => ({ header, width: widths[i], value: cells[i], choices: choices[i] }));
}

const UNIT_EXPORT = importLayout<UnitRow>(
  UNIT_COLUMNS,
  UNIT_WIDTHS,
  [
    (u) => u.code,
    (u) => u.name,
    (u) => u.shortName,
    (u) => UNIT_TYPE_LABELS[u.type],
    (u) => u.parentCode,
    (u) => u.sortOrder,
  ],
  { 3: Object.values(UNIT_TYPE_LABELS) },
);

const PEOPLE_EXPORT = importLayout<PersonRow>(
  PEOPLE_COLUMNS,
  PEOPLE_WIDTHS,
  [
    (p) => p.name,
    (p) => p.gender ?? '',
    (p) => p.unitCode,
    (p) => p.post,
    (p) => p.rank,
    (p) => yesNo(p.partyMember),
    (p) => yesNo(p.isLeader),
    (p) => p.phone,
  ],
  { 1: ['男', '女'], 5: YES_NO, 6: YES_NO },
);

async function* visibleUnits(ctx: Ctx): AsyncGenerator<UnitRow> {
  const rows = await repo.allUnitsOfRegion(ctx.db, regionOf(ctx));
  const visible = ctx.actor?.scope.allUnits ? null : new Set(ctx.actor?.scope.unitIds);
  const byId = new Map(rows.map((u) => [u.id, u]));
  for (const u of rows) {
    if (visible && !visible.has(u.id)) continue;
    yield { ...u, parentCode: (u.parentId && byId.get(u.parentId)?.code) || '' };
  }
}

async function* peopleWithUnitCodes(ctx: Ctx, f: repo.PeopleFilter): AsyncGenerator<PersonRow, Truncated | undefined> {
  const codes = new Map((await repo.allUnitsOfRegion(ctx.db, regionOf(ctx))).map((u) => [u.id, u.code]));
  const rows = pagedRows((page, pageSize) => listPeople(ctx, { ...f, page, pageSize }), { max: MAX_ROWS });
  // Not `for await`: it would drop the source's return value, the note that the list was cut.
  for (let next = await rows.next(); ; next = await rows.next()) {
    if (next.done) return next.value;
    yield { ...next.value, unitCode: codes.get(next.value.unitId) ?? '' };
  }
}

/** 单位名录 in the import layout, the units the caller can see. */
export function unitsExport(ctx: Ctx): XlsxExport<UnitRow> {
  return {
    fileName: '单位名录.xlsx',
    sheet: UNIT_SHEET,
    headerFill: HEADER_FILL,
    columns: UNIT_EXPORT,
    rows: visibleUnits(ctx),
  };
}

/** 人员名册 in the import layout, with the people list's filters and sort. */
export function peopleExport(ctx: Ctx, f: repo.PeopleFilter): XlsxExport<PersonRow> {
  return {
    fileName: '人员名册.xlsx',
    sheet: PEOPLE_SHEET,
    headerFill: HEADER_FILL,
    columns: PEOPLE_EXPORT,
    rows: peopleWithUnitCodes(ctx, f),
    choiceRows: 5000,
  };
}

type GroupRow = Awaited<ReturnType<typeof pageGroups>>['items'][number];

/** 工作组 with their leader, size and units, with the list's filters. */
export function groupsExport(ctx: Ctx, f: TListGroups): XlsxExport<GroupRow & { unitNames: string }> {
  return {
    fileName: '工作组.xlsx',
    sheet: '工作组',
    wrap: true,
    columns: [
      { header: '类型', width: 16, value: (g) => GROUP_KIND_LABELS[g.kind] },
      { header: '名称', width: 24, value: (g) => g.name },
      { header: '组长', width: 10, value: (g) => g.leaderName ?? '' },
      { header: '成员数', width: 8, value: (g) => g.memberPersonIds.length },
      { header: '联系或监督单位', width: 60, value: (g) => g.unitNames },
    ],
    rows: pagedRows(async (page, pageSize) => {
      const { items, total } = await pageGroups(ctx, { ...f, page, pageSize });
      const names = await unitNames(ctx.db, [...new Set(items.flatMap((g) => g.unitIds))]);
      return { items: items.map((g) => ({ ...g, unitNames: g.unitIds.map((id) => names.get(id)).join('、') })), total };
    }),
  };
}

type IssuerRow = Awaited<ReturnType<typeof listIssuers>>['items'][number];

const ISSUER_COLUMNS: XlsxColumn<IssuerRow>[] = [
  { header: '机关', width: 24, value: (x) => x.label },
  { header: '全称（红头）', width: 36, value: (x) => x.name },
  { header: '署名', width: 36, value: (x) => x.signature },
  { header: '机关代字', width: 10, value: (x) => x.abbreviation },
  { header: '简称', width: 16, value: (x) => x.shortName },
  { header: '来源', width: 12, value: (x) => (x.custom ? '已设置' : '按地区名称') },
];

/** 发文机关 of the caller's region, as the list shows them. */
export const issuersExport = (ctx: Ctx, f: TListIssuers) =>
  listExport('发文机关', ISSUER_COLUMNS, (q) => listIssuers(ctx, q), f);
