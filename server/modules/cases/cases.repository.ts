import { personDirectory, unitDirectory } from '../org/org.directory.js';
import { type SQL, and, asc, count, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../platform/db/client.js';
import { updateAtVersion } from '../../platform/db/versioned.js';
import {
  caseAppeals,
  caseEvents,
  caseFiles,
  caseMembers,
  caseSubjects,
  cases,
  influencePeriods,
} from './cases.tables.js';

export type CaseRow = typeof cases.$inferSelect;
export type SubjectRow = typeof caseSubjects.$inferSelect;
export type AppealRow = typeof caseAppeals.$inferSelect;
export type PeriodRow = typeof influencePeriods.$inferSelect;

/** Who is asking: commission leaders see every case of the region, everyone else only cases they are on. */
export interface CaseViewer {
  regionId: string;
  userId: string;
  all: boolean;
}

function visible(v: CaseViewer): SQL {
  const region = and(eq(cases.regionId, v.regionId), isNull(cases.deletedAt)) as SQL;
  if (v.all) return region;
  return and(
    region,
    sql`EXISTS (SELECT 1 FROM ${caseMembers} m WHERE m.case_id = ${cases.id} AND m.user_id = ${v.userId})`,
  ) as SQL;
}

export interface CaseFilter {
  page: number;
  pageSize: number;
  q?: string;
  state?: string;
  kind?: string;
  situation?: number;
  sort?: string;
}

const CASE_SORTS: Record<string, SQL> = {
  '-createdAt': sql`${cases.createdAt} DESC`,
  createdAt: sql`${cases.createdAt} ASC`,
  '-code': sql`${cases.code} DESC`,
  code: sql`${cases.code} ASC`,
};

export async function list(db: Executor, v: CaseViewer, f: CaseFilter) {
  const where = and(
    visible(v),
    f.state ? eq(cases.state, f.state) : undefined,
    f.kind ? eq(cases.kind, f.kind) : undefined,
    f.situation ? eq(cases.situation, f.situation) : undefined,
    f.q ? or(ilike(cases.title, `%${f.q}%`), ilike(cases.code, `%${f.q}%`)) : undefined,
  );
  const items = await db
    .select()
    .from(cases)
    .where(where)
    .orderBy(CASE_SORTS[f.sort ?? ''] ?? CASE_SORTS['-createdAt'], desc(cases.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(cases).where(where);
  return { items, total: Number(n) };
}

export async function get(db: Executor, v: CaseViewer, id: string) {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(visible(v), eq(cases.id, id)));
  return row;
}

export async function insert(db: Executor, values: Omit<typeof cases.$inferInsert, 'code'>) {
  const [row] = await db
    .insert(cases)
    .values({
      ...values,
      code: sql`'WZ' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('case_code_seq')::text, 4, '0')`,
    })
    .returning();
  return row;
}

export async function update(db: Executor, id: string, version: number, patch: Partial<CaseRow>) {
  return updateAtVersion(db, cases, id, version, patch);
}

export async function addMembers(db: Executor, caseId: string, userIds: string[], role: string) {
  if (userIds.length === 0) return;
  await db
    .insert(caseMembers)
    .values(userIds.map((userId) => ({ caseId, userId, role })))
    .onConflictDoNothing();
}

/** Takes `userIds` off the case in `role` (their other roles on it stay). */
export async function removeMembers(db: Executor, caseId: string, userIds: string[], role: string) {
  if (userIds.length === 0) return;
  await db
    .delete(caseMembers)
    .where(and(eq(caseMembers.caseId, caseId), eq(caseMembers.role, role), inArray(caseMembers.userId, userIds)));
}

export async function membersOf(db: Executor, caseId: string) {
  return rowsOf<{ userId: string; role: string; displayName: string; unitCode: string | null }>(
    await db.execute(sql`SELECT m.user_id AS "userId", m.role, u.display_name AS "displayName", un.code AS "unitCode"
      FROM case_members m JOIN users u ON u.id = m.user_id
      LEFT JOIN ${personDirectory('p')} ON p.id = u.person_id LEFT JOIN ${unitDirectory('un')} ON un.id = p.unit_id
      WHERE m.case_id = ${caseId} ORDER BY m.created_at, u.display_name`),
  );
}

/** An officer of the region as the team, the 联审 and the evaluations choose among them. */
export interface Officer {
  userId: string;
  displayName: string;
  unitCode: string | null;
  unitName: string | null;
  roles: string[];
  principal: boolean;
}

/**
 * Users of the region holding one of `roles`, with their person's unit (code, short name), which of `roles` they
 * hold and whether they head that unit (`principal`): the team, the 联审 signers and the evaluators are chosen
 * from them.
 */
export async function usersWithPermissionRoles(db: Executor, regionId: string, roles: string[], ids?: string[]) {
  return rowsOf<Officer>(
    await db.execute(sql`SELECT u.id AS "userId", u.display_name AS "displayName", un.code AS "unitCode",
        coalesce(nullif(un.short_name, ''), un.name) AS "unitName", array_agg(DISTINCT r.role) AS roles,
        coalesce(un.principal_person_id = u.person_id, false) AS principal
      FROM users u JOIN user_roles r ON r.user_id = u.id AND r.region_id = u.region_id
      LEFT JOIN ${personDirectory('p')} ON p.id = u.person_id LEFT JOIN ${unitDirectory('un')} ON un.id = p.unit_id
      WHERE u.region_id = ${regionId} AND NOT u.disabled
        AND r.role IN (${sql.join(
          roles.map((x) => sql`${x}`),
          sql`, `,
        )})
        ${
          ids
            ? sql`AND u.id IN (${
                ids.length
                  ? sql.join(
                      ids.map((i) => sql`${i}::uuid`),
                      sql`, `,
                    )
                  : sql`NULL`
              })`
            : sql``
        }
      GROUP BY u.id, u.display_name, un.code, un.short_name, un.name, un.principal_person_id, u.person_id
      ORDER BY un.code NULLS LAST, u.display_name`),
  );
}

export async function insertSubjects(db: Executor, values: (typeof caseSubjects.$inferInsert)[]) {
  return values.length ? db.insert(caseSubjects).values(values).returning() : [];
}

export async function subjectsOf(db: Executor, caseId: string) {
  return db.select().from(caseSubjects).where(eq(caseSubjects.caseId, caseId)).orderBy(asc(caseSubjects.seq));
}

export async function updateSubject(db: Executor, id: string, patch: Partial<SubjectRow>) {
  const [row] = await db.update(caseSubjects).set(patch).where(eq(caseSubjects.id, id)).returning();
  return row;
}

export async function insertEvent(db: Executor, values: typeof caseEvents.$inferInsert) {
  const [row] = await db.insert(caseEvents).values(values).returning();
  return row;
}

export async function eventsOf(db: Executor, caseId: string) {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.at));
}

export async function insertFile(db: Executor, values: typeof caseFiles.$inferInsert) {
  const [row] = await db.insert(caseFiles).values(values).returning({
    id: caseFiles.id,
    fact: caseFiles.fact,
    name: caseFiles.name,
    mime: caseFiles.mime,
    size: caseFiles.size,
    sha256: caseFiles.sha256,
    createdAt: caseFiles.createdAt,
  });
  return row;
}

export async function filesOf(db: Executor, caseId: string) {
  return db
    .select({
      id: caseFiles.id,
      fact: caseFiles.fact,
      name: caseFiles.name,
      mime: caseFiles.mime,
      size: caseFiles.size,
      createdAt: caseFiles.createdAt,
    })
    .from(caseFiles)
    .where(eq(caseFiles.caseId, caseId))
    .orderBy(asc(caseFiles.createdAt));
}

export async function getFile(db: Executor, caseId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(caseFiles)
    .where(and(eq(caseFiles.caseId, caseId), eq(caseFiles.id, fileId)));
  return row;
}

export async function insertAppeal(db: Executor, values: typeof caseAppeals.$inferInsert) {
  const [row] = await db.insert(caseAppeals).values(values).returning();
  return row;
}

export async function appealsOf(db: Executor, caseId: string) {
  return db.select().from(caseAppeals).where(eq(caseAppeals.caseId, caseId)).orderBy(asc(caseAppeals.createdAt));
}

export async function updateAppeal(db: Executor, id: string, patch: Partial<AppealRow>) {
  const [row] = await db.update(caseAppeals).set(patch).where(eq(caseAppeals.id, id)).returning();
  return row;
}

// ---------- influence periods

export async function insertPeriods(db: Executor, values: (typeof influencePeriods.$inferInsert)[]) {
  return values.length ? db.insert(influencePeriods).values(values).returning() : [];
}

export async function periodsOfCase(db: Executor, caseId: string) {
  return db
    .select()
    .from(influencePeriods)
    .where(eq(influencePeriods.caseId, caseId))
    .orderBy(asc(influencePeriods.startsOn));
}

export async function periodsOfPerson(db: Executor, regionId: string, personId: string) {
  return db
    .select()
    .from(influencePeriods)
    .where(and(eq(influencePeriods.regionId, regionId), eq(influencePeriods.personId, personId)))
    .orderBy(desc(influencePeriods.startsOn));
}

const PERIOD_SORTS: Record<string, SQL> = {
  endsOn: sql`ip.ends_on ASC`,
  '-endsOn': sql`ip.ends_on DESC`,
  startsOn: sql`ip.starts_on ASC`,
  '-startsOn': sql`ip.starts_on DESC`,
};

export async function currentPeriods(
  db: Executor,
  regionId: string,
  f: { page: number; pageSize: number; sort?: string },
) {
  const rows = rowsOf<PeriodRow & { personName: string; post: string; unitName: string | null; total: number }>(
    await db.execute(sql`SELECT ip.id, ip.case_id AS "caseId", ip.person_id AS "personId", ip.kind, ip.form,
        ip.starts_on AS "startsOn", ip.ends_on AS "endsOn", ip.source, ip.state, p.name AS "personName", p.post,
        un.name AS "unitName", count(*) OVER ()::int AS total
      FROM influence_periods ip JOIN ${personDirectory('p')} ON p.id = ip.person_id LEFT JOIN ${unitDirectory('un')} ON un.id = p.unit_id
      WHERE ip.region_id = ${regionId} AND ip.state = 'active'
      ORDER BY ${PERIOD_SORTS[f.sort ?? ''] ?? PERIOD_SORTS.endsOn}, p.name, ip.id
      LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`),
  );
  return { items: rows.map(({ total: _, ...r }) => r), total: rows[0]?.total ?? 0 };
}

/** Ends the active influence periods of one case subject (a corrected or replaced decision). */
export async function endPeriodsOfSubject(db: Executor, subjectId: string, now: Date, reason: string) {
  return db
    .update(influencePeriods)
    .set({ state: 'ended', endedAt: now, endReason: reason })
    .where(and(eq(influencePeriods.state, 'active'), eq(influencePeriods.subjectId, subjectId)))
    .returning();
}

/** Periods whose last day is before `today`, ended set-wise (daily job). */
export async function endDuePeriods(db: Executor, today: string, now: Date) {
  return rowsOf<{ id: string; regionId: string; personId: string; form: string; endsOn: string; name: string }>(
    await db.execute(sql`UPDATE influence_periods ip SET state = 'ended', ended_at = ${now}, end_reason = '期满自动解除'
      FROM ${personDirectory('p')} WHERE p.id = ip.person_id AND ip.state = 'active' AND ip.ends_on < ${today}::date
      RETURNING ip.id, ip.region_id AS "regionId", ip.person_id AS "personId", ip.form, ip.ends_on AS "endsOn", p.name`),
  );
}

// ---------- consistency and figures

/**
 * Past decided subjects with the same situation (and kind): their forms, and whether `v` may read
 * the case (a precedent the caller may not read is shown anonymised, decision 013).
 */
export async function comparableDecisions(
  db: Executor,
  v: CaseViewer,
  situation: number,
  kind: string,
  exceptCaseId: string,
) {
  const readable = v.all
    ? sql`true`
    : sql`EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = c.id AND m.user_id = ${v.userId})`;
  return rowsOf<{
    caseId: string;
    code: string;
    title: string;
    name: string;
    subjectType: 'person' | 'unit';
    decisionYear: number | null;
    forms: { form: string }[];
    readable: boolean;
  }>(
    await db.execute(sql`SELECT c.id AS "caseId", c.code, c.title, s.name, s.subject_type AS "subjectType",
        extract(year FROM c.decision_date)::int AS "decisionYear", s.forms, ${readable} AS readable
      FROM cases c JOIN case_subjects s ON s.case_id = c.id
      WHERE c.region_id = ${v.regionId} AND c.situation = ${situation} AND c.kind = ${kind} AND c.id <> ${exceptCaseId}
        AND c.decided_at IS NOT NULL AND c.deleted_at IS NULL
      ORDER BY c.decided_at DESC LIMIT 200`),
  );
}

export async function figures(db: Executor, regionId: string) {
  const q = async <T>(query: SQL) => rowsOf<T>(await db.execute(query));
  const bySituation = await q<{ situation: number; n: number }>(sql`SELECT situation, count(*)::int AS n FROM cases
    WHERE region_id = ${regionId} AND deleted_at IS NULL GROUP BY situation ORDER BY situation`);
  const byState = await q<{ state: string; n: number }>(sql`SELECT state, count(*)::int AS n FROM cases
    WHERE region_id = ${regionId} AND deleted_at IS NULL GROUP BY state`);
  const byForm = await q<{ form: string; n: number }>(sql`SELECT f->>'form' AS form, count(*)::int AS n
    FROM cases c JOIN case_subjects s ON s.case_id = c.id, jsonb_array_elements(s.forms) f
    WHERE c.region_id = ${regionId} AND c.deleted_at IS NULL GROUP BY 1 ORDER BY 2 DESC`);
  const byFormOfFour = await q<{
    formOfFour: number;
    n: number;
  }>(sql`SELECT s.form_of_four AS "formOfFour", count(*)::int AS n
    FROM cases c JOIN case_subjects s ON s.case_id = c.id
    WHERE c.region_id = ${regionId} AND c.deleted_at IS NULL AND s.form_of_four IS NOT NULL GROUP BY 1 ORDER BY 1`);
  const tolerance = await q<{
    outcome: string;
    n: number;
  }>(sql`SELECT s.tolerance->>'outcome' AS outcome, count(*)::int AS n
    FROM cases c JOIN case_subjects s ON s.case_id = c.id
    WHERE c.region_id = ${regionId} AND c.deleted_at IS NULL AND s.tolerance IS NOT NULL GROUP BY 1`);
  const appeals = await q<{
    kind: string;
    result: string | null;
    n: number;
  }>(sql`SELECT a.kind, a.result, count(*)::int AS n
    FROM case_appeals a JOIN cases c ON c.id = a.case_id WHERE c.region_id = ${regionId} GROUP BY 1, 2`);
  const total = bySituation.reduce((n, r) => n + r.n, 0);
  const catchAll = bySituation.find((r) => r.situation === 11)?.n ?? 0;
  return {
    total,
    bySituation,
    byState,
    byForm,
    byFormOfFour,
    catchAllShare: total ? Math.round((catchAll / total) * 1000) / 10 : 0,
    tolerance,
    appeals,
  };
}
