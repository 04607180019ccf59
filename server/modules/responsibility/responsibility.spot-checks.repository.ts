/** All SQL of spot checks (定期抽查制): the reproducible draw is set-based, over the period's reports. */
import { type SQL, and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TListSpotChecks } from '../../../common/responsibility.spot-checks.schema.js';
import { type Executor, rowsOf } from '../../platform/db/client.js';
import { selectPage } from '../../platform/db/paging.js';
import { updateAtVersion } from '../../platform/db/versioned.js';
import {
  spotCheckCodeSeq,
  spotCheckEvents,
  spotCheckSamples,
  spotCheckVerdicts,
  spotChecks,
} from './responsibility.spot-checks.tables.js';
import {
  dispatchItems,
  dispatches,
  fulfilmentFiles,
  fulfilments,
  responsibilityReports,
} from './responsibility.tables.js';

export type SpotCheckRow = typeof spotChecks.$inferSelect;
export type VerdictRow = typeof spotCheckVerdicts.$inferSelect;

/** Reports that may be drawn: the period's reports that went up (submitted or approved). */
const DRAWABLE = ['submitted', 'approved'];

export function listSpotChecks(db: Executor, regionId: string, f: TListSpotChecks) {
  const where = and(
    eq(spotChecks.regionId, regionId),
    f.year ? eq(spotChecks.year, f.year) : undefined,
    f.quarter ? eq(spotChecks.quarter, f.quarter) : undefined,
    f.state ? eq(spotChecks.state, f.state) : undefined,
  );
  return selectPage(db, spotChecks, where, [desc(spotChecks.year), desc(spotChecks.quarter), desc(spotChecks.code)], f);
}

export async function getSpotCheck(db: Executor, regionId: string, id: string) {
  const [row] = await db
    .select()
    .from(spotChecks)
    .where(and(eq(spotChecks.regionId, regionId), eq(spotChecks.id, id)));
  return row;
}

export async function nextCode(db: Executor, year: number) {
  const [{ n }] = rowsOf<{ n: string }>(await db.execute(sql`SELECT nextval(${spotCheckCodeSeq.seqName}) AS n`));
  return `CC${year}-${String(n).padStart(4, '0')}`;
}

export async function insertSpotCheck(db: Executor, values: typeof spotChecks.$inferInsert) {
  const [row] = await db.insert(spotChecks).values(values).returning();
  return row;
}

export async function updateSpotCheck(db: Executor, id: string, version: number, patch: Partial<SpotCheckRow>) {
  return updateAtVersion(db, spotChecks, id, version, patch);
}

export async function deleteSpotCheck(db: Executor, id: string, version: number) {
  const rows = await db
    .delete(spotChecks)
    .where(and(eq(spotChecks.id, id), eq(spotChecks.version, version)))
    .returning({ id: spotChecks.id });
  if (rows.length) await db.delete(spotCheckEvents).where(eq(spotCheckEvents.spotCheckId, id));
  return rows.length > 0;
}

export const insertEvent = (db: Executor, values: typeof spotCheckEvents.$inferInsert) =>
  db.insert(spotCheckEvents).values(values);

export const eventsOf = (db: Executor, id: string) =>
  db.select().from(spotCheckEvents).where(eq(spotCheckEvents.spotCheckId, id)).orderBy(asc(spotCheckEvents.at));

/** How many reports of the period may be drawn. */
export async function populationSize(db: Executor, c: SpotCheckRow) {
  const [{ n }] = await db
    .select({ n: count() })
    .from(responsibilityReports)
    .where(
      and(
        eq(responsibilityReports.regionId, c.regionId),
        eq(responsibilityReports.year, c.year),
        eq(responsibilityReports.quarter, c.quarter),
        inArray(responsibilityReports.state, DRAWABLE),
      ),
    );
  return Number(n);
}

/**
 * The draw: the population ordered by md5(seed:id), the first `n` kept — the same seed over the same reports
 * always gives the same sample, and anyone can redo it with the seed. Then every item of each drawn report
 * (the items its report is assembled from, as assembledItems in responsibility.reports.ts) gets a verdict row.
 */
export async function drawSample(db: Executor, c: SpotCheckRow, n: number) {
  await db.execute(sql`
    INSERT INTO ${spotCheckSamples} (spot_check_id, report_id, seq)
    SELECT ${c.id}::uuid, id, row_number() OVER (ORDER BY md5(${c.seed}::text || ':' || id::text), id)
    FROM (
      SELECT r.id FROM ${responsibilityReports} r
      WHERE r.region_id = ${c.regionId} AND r.year = ${c.year} AND r.quarter = ${c.quarter}
        AND r.state IN ('submitted', 'approved')
      ORDER BY md5(${c.seed}::text || ':' || r.id::text), r.id
      LIMIT ${n}::int
    ) drawn`);
  await db.execute(sql`
    INSERT INTO ${spotCheckVerdicts} (spot_check_id, report_id, dispatch_item_id, seq)
    SELECT s.spot_check_id, s.report_id, i.id, row_number() OVER (ORDER BY s.seq, d.code, i.sort_order, i.id)
    FROM ${spotCheckSamples} s
    JOIN ${responsibilityReports} r ON r.id = s.report_id
    JOIN ${dispatches} d ON d.region_id = r.region_id AND d.deleted_at IS NULL AND d.state <> 'draft'
      AND d.year = r.year
      AND CASE WHEN r.recipient_kind = 'leader'
               THEN d.recipient_kind = 'leader' AND d.recipient_person_id = r.recipient_person_id
               ELSE d.recipient_kind <> 'leader' AND d.unit_id = r.unit_id END
    JOIN ${dispatchItems} i ON i.dispatch_id = d.id
    WHERE s.spot_check_id = ${c.id}
      AND (d.quarter = r.quarter OR (d.quarter IS NULL AND i.deadline BETWEEN make_date(r.year, r.quarter * 3 - 2, 1)
           AND (make_date(r.year, r.quarter * 3 - 2, 1) + interval '3 months' - interval '1 day')::date))`);
}

export const reportsByIds = async (db: Executor, ids: string[]) =>
  ids.length ? db.select().from(responsibilityReports).where(inArray(responsibilityReports.id, ids)) : [];

export const samplesOf = (db: Executor, id: string) =>
  db.select().from(spotCheckSamples).where(eq(spotCheckSamples.spotCheckId, id)).orderBy(asc(spotCheckSamples.seq));

/** Per check of a page: reports drawn, items, verdicts recorded and negative verdicts. */
export async function tallies(db: Executor, ids: string[]) {
  if (ids.length === 0)
    return new Map<string, { reports: number; items: number; recorded: number; negative: number }>();
  const rows = await db
    .select({
      id: spotCheckVerdicts.spotCheckId,
      reports: sql<number>`count(DISTINCT ${spotCheckVerdicts.reportId})::int`,
      items: sql<number>`count(*)::int`,
      recorded: sql<number>`count(${spotCheckVerdicts.verdict})::int`,
      negative: sql<number>`(count(*) FILTER (WHERE ${spotCheckVerdicts.verdict} IN ('untrue', 'inadequate')))::int`,
    })
    .from(spotCheckVerdicts)
    .where(inArray(spotCheckVerdicts.spotCheckId, ids))
    .groupBy(spotCheckVerdicts.spotCheckId);
  const drawn = await db
    .select({ id: spotCheckSamples.spotCheckId, n: sql<number>`count(*)::int` })
    .from(spotCheckSamples)
    .where(inArray(spotCheckSamples.spotCheckId, ids))
    .groupBy(spotCheckSamples.spotCheckId);
  const out = new Map<string, { reports: number; items: number; recorded: number; negative: number }>();
  for (const id of ids) {
    const r = rows.find((x) => x.id === id);
    out.set(id, {
      reports: Number(drawn.find((x) => x.id === id)?.n ?? 0),
      items: Number(r?.items ?? 0),
      recorded: Number(r?.recorded ?? 0),
      negative: Number(r?.negative ?? 0),
    });
  }
  return out;
}

/** Verdict rows with the item they judge and its fulfilment records and evidence files. */
export async function verdictsWithItems(db: Executor, where: SQL) {
  const rows = await db
    .select({
      v: spotCheckVerdicts,
      dispatchId: dispatches.id,
      dispatchCode: dispatches.code,
      content: dispatchItems.content,
      target: dispatchItems.target,
      deadline: dispatchItems.deadline,
      fulfilledOn: dispatchItems.fulfilledOn,
      late: dispatchItems.late,
    })
    .from(spotCheckVerdicts)
    .innerJoin(dispatchItems, eq(dispatchItems.id, spotCheckVerdicts.dispatchItemId))
    .innerJoin(dispatches, eq(dispatches.id, dispatchItems.dispatchId))
    .where(where)
    .orderBy(asc(spotCheckVerdicts.spotCheckId), asc(spotCheckVerdicts.seq));
  const itemIds = [...new Set(rows.map((r) => r.v.dispatchItemId))];
  const records = itemIds.length
    ? await db
        .select()
        .from(fulfilments)
        .where(inArray(fulfilments.dispatchItemId, itemIds))
        .orderBy(asc(fulfilments.doneOn), asc(fulfilments.createdAt))
    : [];
  const files = records.length
    ? await db
        .select({ id: fulfilmentFiles.id, fulfilmentId: fulfilmentFiles.fulfilmentId, name: fulfilmentFiles.name })
        .from(fulfilmentFiles)
        .where(
          inArray(
            fulfilmentFiles.fulfilmentId,
            records.map((x) => x.id),
          ),
        )
    : [];
  return rows.map((r) => ({
    ...r,
    records: records
      .filter((x) => x.dispatchItemId === r.v.dispatchItemId)
      .map((x) => ({
        doneOn: x.doneOn,
        description: x.description,
        files: files.filter((f) => f.fulfilmentId === x.id).map((f) => ({ id: f.id, name: f.name })),
      })),
  }));
}

export const verdictsOfCheck = (db: Executor, id: string) =>
  verdictsWithItems(db, eq(spotCheckVerdicts.spotCheckId, id));

export const verdictById = (db: Executor, id: string) => verdictsWithItems(db, eq(spotCheckVerdicts.id, id));

export async function getVerdict(db: Executor, spotCheckId: string, verdictId: string) {
  const [row] = await db
    .select()
    .from(spotCheckVerdicts)
    .where(and(eq(spotCheckVerdicts.spotCheckId, spotCheckId), eq(spotCheckVerdicts.id, verdictId)));
  return row;
}

export async function updateVerdict(db: Executor, id: string, patch: Partial<VerdictRow>) {
  const [row] = await db.update(spotCheckVerdicts).set(patch).where(eq(spotCheckVerdicts.id, id)).returning();
  return row;
}

/** Sets the back-link to the problem if none is set yet; `undefined` when another request got there first. */
export async function linkProblem(db: Executor, id: string, problemId: string, problemCode: string) {
  const [row] = await db
    .update(spotCheckVerdicts)
    .set({ problemId, problemCode })
    .where(and(eq(spotCheckVerdicts.id, id), isNull(spotCheckVerdicts.problemId)))
    .returning();
  return row;
}

/** Verdicts on one report, with their checks' codes and states; `concludedOnly` for its recipient. */
export async function verdictsOfReport(db: Executor, reportId: string, concludedOnly: boolean) {
  const checks = await db
    .select()
    .from(spotChecks)
    .innerJoin(spotCheckSamples, eq(spotCheckSamples.spotCheckId, spotChecks.id))
    .where(and(eq(spotCheckSamples.reportId, reportId), concludedOnly ? eq(spotChecks.state, 'concluded') : undefined))
    .orderBy(desc(spotChecks.createdAt));
  const ids = checks.map((c) => c.spot_checks.id);
  const verdicts = ids.length
    ? await verdictsWithItems(
        db,
        and(inArray(spotCheckVerdicts.spotCheckId, ids), eq(spotCheckVerdicts.reportId, reportId)) as SQL,
      )
    : [];
  return { checks: checks.map((c) => c.spot_checks), verdicts };
}
