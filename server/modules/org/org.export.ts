import { UNIT_TYPE_LABELS } from '../../../common/org.js';
import type { Ctx } from '../../platform/context.js';
import { pagedRows, type XlsxColumn, type XlsxExport, type Truncated } from '../../platform/documents/xlsx-export.js';
import * as repo from './org.repository.js';
import { listPeople } from './org.service.js';
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
