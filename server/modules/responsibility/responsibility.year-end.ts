/**
 * 年终考核制 (seed 004): the year per recipient in one view — lists and items, fulfilment and on-time, 增派单, the four
 * quarterly reports' states and the concluded spot checks' verdicts — over what the caller may see. Three grouped
 * statements (lists, reports, verdicts), joined in memory by recipient; the assessment module reads `yearEndRows`.
 */
import { sql } from 'drizzle-orm';
import { REPORT_STATES, type ReportState } from '../../../common/responsibility.js';
import { NEGATIVE_VERDICTS } from '../../../common/responsibility.spot-checks.js';
import { type Ctx, type Scope, actorOf } from '../../platform/context.js';
import { type Executor, rowsOf } from '../../platform/db/client.js';
import { type XlsxColumn, type XlsxExport, arrayRows } from '../../platform/documents/xlsx-export.js';
import * as org from '../org/org.service.js';
import { reportScope } from './responsibility.figures.js';
import { dispatchScope } from './responsibility.repository.js';

/** A recipient: a county leader (person) or a unit (its own and its leadership's lists). */
const RECIPIENT = sql`CASE WHEN recipient_kind = 'leader' THEN 'leader' ELSE 'unit' END`;
const KEY = sql`CASE WHEN recipient_kind = 'leader' THEN recipient_person_id ELSE unit_id END`;

interface ListCell {
  grp: 'leader' | 'unit';
  key: string;
  lists: number;
  items: number;
  fulfilled: number;
  on_time: number;
  extra_lists: number;
  extra_items: number;
}

async function listCells(db: Executor, scope: Scope, year: number) {
  return rowsOf<ListCell>(
    await db.execute(sql`
      SELECT ${RECIPIENT} AS grp, ${KEY}::text AS key,
             count(DISTINCT dispatches.id)::int AS lists, count(i.id)::int AS items,
             count(i.fulfilled_on)::int AS fulfilled,
             (count(*) FILTER (WHERE i.fulfilled_on <= i.deadline))::int AS on_time,
             count(DISTINCT dispatches.id) FILTER (WHERE dispatches.kind = 'extra')::int AS extra_lists,
             (count(i.id) FILTER (WHERE dispatches.kind = 'extra'))::int AS extra_items
      FROM dispatches LEFT JOIN dispatch_items i ON i.dispatch_id = dispatches.id
      WHERE ${dispatchScope(scope)} AND dispatches.year = ${year} AND dispatches.state <> 'draft'
      GROUP BY 1, 2`),
  );
}

async function reportCells(db: Executor, scope: Scope, year: number) {
  return rowsOf<{ grp: string; key: string; quarter: number; state: string }>(
    await db.execute(sql`
      SELECT ${RECIPIENT} AS grp, ${KEY}::text AS key, r.quarter, r.state
      FROM responsibility_reports r
      WHERE ${reportScope(scope)} AND r.year = ${year}`),
  );
}

async function verdictCells(db: Executor, scope: Scope, year: number) {
  return rowsOf<{ grp: string; key: string; checked: number; negative: number; problems: number }>(
    await db.execute(sql`
      SELECT ${RECIPIENT} AS grp, ${KEY}::text AS key,
             count(v.verdict)::int AS checked,
             (count(*) FILTER (WHERE v.verdict = ANY(${`{${NEGATIVE_VERDICTS.join(',')}}`}::text[])))::int AS negative,
             count(v.problem_id)::int AS problems
      FROM spot_check_verdicts v
      JOIN spot_checks c ON c.id = v.spot_check_id AND c.state = 'concluded' AND c.year = ${year}
      JOIN responsibility_reports r ON r.id = v.report_id
      WHERE ${reportScope(scope)}
      GROUP BY 1, 2`),
  );
}

const rate = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);

/** The year per recipient the caller may see: county leaders first, then units, each by name. */
export async function yearEndRows(db: Executor, scope: Scope, year: number) {
  const [lists, reports, verdicts] = [
    await listCells(db, scope, year),
    await reportCells(db, scope, year),
    await verdictCells(db, scope, year),
  ];
  const id = (c: { grp: string; key: string }) => `${c.grp}|${c.key}`;
  const keys = new Map<string, { group: 'leader' | 'unit'; key: string }>();
  for (const c of [...lists, ...reports, ...verdicts]) {
    if (c.key) keys.set(id(c), { group: c.grp as 'leader' | 'unit', key: c.key });
  }
  const people = await org.personNames(
    db,
    [...keys.values()].filter((k) => k.group === 'leader').map((k) => k.key),
  );
  const units = await org.unitNames(
    db,
    [...keys.values()].filter((k) => k.group === 'unit').map((k) => k.key),
  );
  const rows = [...keys.entries()].map(([k, r]) => {
    const l = lists.find((c) => id(c) === k);
    const v = verdicts.find((c) => id(c) === k);
    const quarter = (q: number) => reports.find((c) => id(c) === k && Number(c.quarter) === q)?.state ?? null;
    const items = Number(l?.items ?? 0);
    const fulfilled = Number(l?.fulfilled ?? 0);
    const onTime = Number(l?.on_time ?? 0);
    return {
      recipientGroup: r.group,
      recipientId: r.key,
      recipientName: (r.group === 'leader' ? people.get(r.key) : units.get(r.key)) ?? '',
      lists: Number(l?.lists ?? 0),
      items,
      fulfilled,
      onTime,
      fulfilmentRate: rate(fulfilled, items),
      onTimeRate: rate(onTime, items),
      extraLists: Number(l?.extra_lists ?? 0),
      extraItems: Number(l?.extra_items ?? 0),
      /** State of each quarter's report (null: none written). */
      reports: [1, 2, 3, 4].map(quarter),
      spotChecked: Number(v?.checked ?? 0),
      spotNegative: Number(v?.negative ?? 0),
      spotProblems: Number(v?.problems ?? 0),
    };
  });
  return rows.sort(
    (a, b) =>
      (a.recipientGroup === b.recipientGroup ? 0 : a.recipientGroup === 'leader' ? -1 : 1) ||
      a.recipientName.localeCompare(b.recipientName, 'zh-CN'),
  );
}

export const responsibilityYearEnd = async (ctx: Ctx, year: number) => ({
  year,
  items: await yearEndRows(ctx.db, actorOf(ctx).scope, year),
});

type Row = Awaited<ReturnType<typeof yearEndRows>>[number];
const reportState = (s: string | null) => (s ? (REPORT_STATES[s as ReportState] ?? s) : '未报告');

const COLUMNS: XlsxColumn<Row>[] = [
  { header: '责任主体类别', width: 12, value: (x) => (x.recipientGroup === 'leader' ? '县级领导' : '单位') },
  { header: '责任主体', width: 24, value: (x) => x.recipientName },
  { header: '清单（份）', width: 10, value: (x) => x.lists },
  { header: '责任事项（条）', width: 12, value: (x) => x.items },
  { header: '已履责', width: 8, value: (x) => x.fulfilled },
  { header: '按期履责', width: 10, value: (x) => x.onTime },
  { header: '履责率（%）', width: 10, value: (x) => x.fulfilmentRate },
  { header: '按期率（%）', width: 10, value: (x) => x.onTimeRate },
  { header: '增派清单', width: 10, value: (x) => x.extraLists },
  { header: '增派事项', width: 10, value: (x) => x.extraItems },
  ...[1, 2, 3, 4].map((q) => ({
    header: `第${q}季度报告`,
    width: 12,
    value: (x: Row) => reportState(x.reports[q - 1]),
  })),
  { header: '抽查事项', width: 10, value: (x) => x.spotChecked },
  { header: '不实或不到位', width: 12, value: (x) => x.spotNegative },
  { header: '转为问题', width: 10, value: (x) => x.spotProblems },
];

/** The year-end view as one worksheet, under the same scope. */
export async function yearEndExport(ctx: Ctx, year: number): Promise<XlsxExport<Row>> {
  const { items } = await responsibilityYearEnd(ctx, year);
  return {
    fileName: `${year}年度主体责任年终汇总.xlsx`,
    sheet: '年终汇总',
    title: `${year}年度落实全面从严治党主体责任年终汇总表`,
    columns: COLUMNS,
    rows: arrayRows(items),
  };
}
