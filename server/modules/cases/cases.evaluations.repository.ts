import { type SQL, and, count, desc, eq, sql } from 'drizzle-orm';
import { updateAtVersion } from '../../platform/db/versioned.js';
import { type Executor, rowsOf } from '../../platform/db/client.js';
import type { CaseViewer } from './cases.repository.js';
import { caseEvaluations, caseMembers, cases } from './cases.tables.js';

export type EvaluationRow = typeof caseEvaluations.$inferSelect;

// ---------- evaluations (评查)

/**
 * Closed cases of the region not yet sampled for `period`, in random order, leaving out the cases
 * any of `evaluators` investigated (no one evaluates their own investigation).
 */
export async function sampleClosedCases(
  db: Executor,
  regionId: string,
  period: string,
  size: number,
  evaluators: string[],
) {
  return rowsOf<{ id: string }>(
    await db.execute(sql`SELECT c.id FROM cases c
      WHERE c.region_id = ${regionId} AND c.state = 'closed' AND c.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM case_evaluations e WHERE e.case_id = c.id AND e.period = ${period})
        AND NOT EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = c.id AND m.role = 'investigator'
          AND m.user_id IN (${sql.join(
            evaluators.map((u) => sql`${u}::uuid`),
            sql`, `,
          )}))
      ORDER BY random() LIMIT ${size}`),
  );
}

export async function insertEvaluations(db: Executor, values: (typeof caseEvaluations.$inferInsert)[]) {
  return values.length ? db.insert(caseEvaluations).values(values).returning() : [];
}

const EVALUATION_SORTS: Record<string, SQL> = {
  '-createdAt': sql`${caseEvaluations.createdAt} DESC`,
  total: sql`${caseEvaluations.total} ASC NULLS LAST`,
  '-total': sql`${caseEvaluations.total} DESC NULLS LAST`,
};

/** Evaluations `v` may see: all of the region for an organiser (`v.all`), otherwise those `v` is named for. */
function evaluationsOf(v: CaseViewer): SQL {
  const region = eq(caseEvaluations.regionId, v.regionId);
  if (v.all) return region;
  return and(
    region,
    sql`EXISTS (SELECT 1 FROM ${caseMembers} m WHERE m.case_id = ${caseEvaluations.caseId}
      AND m.user_id = ${v.userId} AND m.role = 'evaluator')`,
  ) as SQL;
}

export async function listEvaluations(
  db: Executor,
  v: CaseViewer,
  f: { period?: string; sort?: string; page: number; pageSize: number },
) {
  const { period, page, pageSize } = f;
  const where = and(evaluationsOf(v), period ? eq(caseEvaluations.period, period) : undefined);
  const items = await db
    .select({ e: caseEvaluations, code: cases.code, title: cases.title })
    .from(caseEvaluations)
    .innerJoin(cases, eq(cases.id, caseEvaluations.caseId))
    .where(where)
    .orderBy(EVALUATION_SORTS[f.sort ?? ''] ?? EVALUATION_SORTS['-createdAt'], desc(caseEvaluations.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ n }] = await db.select({ n: count() }).from(caseEvaluations).where(where);
  return { items: items.map((r) => ({ ...r.e, caseCode: r.code, caseTitle: r.title })), total: Number(n) };
}

/** One evaluation, if `v` may see it. */
export async function getEvaluation(db: Executor, v: CaseViewer, id: string): Promise<EvaluationRow | undefined> {
  const rows = await db
    .select()
    .from(caseEvaluations)
    .where(and(evaluationsOf(v), eq(caseEvaluations.id, id)));
  return rows[0];
}

export async function updateEvaluation(db: Executor, id: string, version: number, patch: Partial<EvaluationRow>) {
  return updateAtVersion(db, caseEvaluations, id, version, patch);
}
