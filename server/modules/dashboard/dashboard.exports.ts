import { BURDEN_KINDS, BURDEN_KIND_KEYS } from '../../../common/dashboard.js';
import type { StallsQuery, TBurden, TOverreach } from '../../../common/dashboard.schema.js';
import type { Ctx } from '../../platform/context.js';
import type { XlsxColumn, XlsxExport } from '../../platform/documents/xlsx-export.js';
import { burden } from './dashboard.burden.js';
import { overreach } from './dashboard.overreach.js';

/** Rows of a figure the caller reads (same scope and period as the screen), the region's totals last. */
async function* rowsOf<T>(units: T[], region: T) {
  for (const u of units) yield u;
  yield region;
}

type OverreachRow = Omit<TOverreach['units'][number], 'unitId'>;
const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);

const OVERREACH_COLUMNS: XlsxColumn<OverreachRow>[] = [
  { header: '单位', width: 24, value: (r) => r.unitName },
  { header: '问责人次', width: 10, value: (r) => r.cases },
  { header: '其中适用兜底条款', width: 12, value: (r) => r.casesCatchAll },
  { header: '兜底占比(%)', width: 10, value: (r) => pct(r.casesCatchAll, r.cases) },
  { header: '提醒函', width: 10, value: (r) => r.warnings },
  { header: '其中适用兜底条款', width: 12, value: (r) => r.warningsCatchAll },
  { header: '谈话', width: 8, value: (r) => r.talks },
  ...[0, 1, 2, 3].map((i) => ({
    header: `第${'一二三四'[i]}种形态`,
    width: 10,
    value: (r: OverreachRow) => r.forms[i],
  })),
  { header: '提示', width: 60, value: (r) => r.flags.join('；') },
];

/** 问责泛化监测 (.xlsx): the screen's units with their flags, then the region's totals. */
export async function overreachExport(ctx: Ctx, q: StallsQuery): Promise<XlsxExport<OverreachRow>> {
  const o = await overreach(ctx, q);
  return {
    fileName: `问责泛化监测-${o.from}至${o.to}.xlsx`,
    sheet: '问责泛化监测',
    title: `问责泛化监测（${o.from}至${o.to}）`,
    columns: OVERREACH_COLUMNS,
    rows: rowsOf<OverreachRow>(o.units, { ...o.region, unitName: '全区域合计', flags: [] }),
    wrap: true,
  };
}

type BurdenRow = Omit<TBurden['units'][number], 'unitId'>;
const BURDEN_COLUMNS: XlsxColumn<BurdenRow>[] = [
  { header: '单位', width: 24, value: (r) => r.unitName },
  { header: '待办事项', width: 10, value: (r) => r.items },
  { header: '报送材料', width: 10, value: (r) => r.reports },
  { header: '消息', width: 8, value: (r) => r.messages },
  { header: '复用记录', width: 10, value: (r) => r.reused },
  ...BURDEN_KIND_KEYS.map((k) => ({
    header: BURDEN_KINDS[k].label,
    width: 10,
    value: (r: BurdenRow) => r.byKind[k] ?? 0,
  })),
];

/** 基层负担监测 (.xlsx): what the system demanded of each unit in the period, heaviest first, then the region. */
export async function burdenExport(ctx: Ctx, q: StallsQuery): Promise<XlsxExport<BurdenRow>> {
  const b = await burden(ctx, q);
  return {
    fileName: `基层负担监测-${b.from}至${b.to}.xlsx`,
    sheet: '基层负担监测',
    title: `基层负担监测（${b.from}至${b.to}）`,
    columns: BURDEN_COLUMNS,
    rows: rowsOf<BurdenRow>(b.units, { ...b.region, unitName: '全区域合计' }),
  };
}
