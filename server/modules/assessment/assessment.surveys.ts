import crypto from 'node:crypto';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { updateAtVersion } from '../../platform/db/versioned.js';
import { SURVEY_SCALE } from '../../../common/assessment.js';
import type { TCreateSurvey, TListSurveys } from '../../../common/assessment.schema.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, regionOf } from '../../platform/context.js';
import { badRequest, conflict, notFound, ruleViolation } from '../../platform/errors.js';
import { rowsOf } from '../../platform/db/client.js';
import { selectPage } from '../../platform/db/paging.js';
import * as org from '../org/org.service.js';
import { partyMembersOf } from '../org/org.assessment-facts.js';
import { checkPerson, personLabels } from './assessment.subjects.js';
import { surveyBallots, surveyTokens, surveys } from './assessment.tables.js';

/**
 * 民主测评 (SPEC M6) with one-time ballot tokens (docs/decisions 017-ballot-anonymity.md): the server hands
 * out random tokens once, as a shuffled list without names, and keeps only their SHA-256; a ballot is stored
 * with no token, no voter and no time, so nothing in the database links a ballot to a person.
 */
type SurveyRow = typeof surveys.$inferSelect;
const hashOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

async function present(ctx: Ctx, rows: SurveyRow[]) {
  const names = await org.unitNames(
    ctx.db,
    rows.map((r) => r.unitId),
  );
  const persons = await personLabels(
    ctx,
    rows.flatMap((r) => (r.personId ? [r.personId] : [])),
  );
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await ctx.db
        .select({ id: surveyBallots.surveyId, n: count() })
        .from(surveyBallots)
        .where(inArray(surveyBallots.surveyId, ids))
        .groupBy(surveyBallots.surveyId)
    : [];
  const answered = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return rows.map((r) => {
    const a = answered.get(r.id) ?? 0;
    return {
      ...r,
      unitName: names.get(r.unitId) ?? '',
      personName: r.personId ? (persons.get(r.personId) ?? '') : null,
      questions: r.questions as string[],
      answered: a,
      participation: r.issued ? Math.round((a / r.issued) * 1000) / 10 : 0,
    };
  });
}

async function loadSurvey(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(surveys)
    .where(and(eq(surveys.regionId, regionOf(ctx)), eq(surveys.id, id)));
  if (!row) throw notFound('民主测评不存在或无权查看');
  return row;
}

export async function listSurveys(ctx: Ctx, f: TListSurveys) {
  const w = and(
    eq(surveys.regionId, regionOf(ctx)),
    f.year ? eq(surveys.year, f.year) : undefined,
    f.unitId ? eq(surveys.unitId, f.unitId) : undefined,
    f.personId ? eq(surveys.personId, f.personId) : undefined,
    f.state ? eq(surveys.state, f.state) : undefined,
  );
  const { items: rows, total } = await selectPage(ctx.db, surveys, w, [desc(surveys.createdAt), desc(surveys.id)], f);
  return { items: await present(ctx, rows), total };
}

export async function getSurvey(ctx: Ctx, id: string) {
  return (await present(ctx, [await loadSurvey(ctx, id)]))[0];
}

export async function createSurvey(ctx: Ctx, input: TCreateSurvey) {
  await org.getUnit(ctx, input.unitId).catch(() => {
    throw badRequest('UNIT_NOT_FOUND', '单位不存在', 'unitId');
  });
  if (input.personId) await checkPerson(ctx, input.personId, 'personId', '被测评人');
  const [row] = await ctx.db
    .insert(surveys)
    .values({ ...input, regionId: regionOf(ctx) })
    .returning();
  await recordAudit(ctx, { type: 'survey.created', entity: 'survey', entityId: row.id, after: row });
  return getSurvey(ctx, row.id);
}

/**
 * Issues one ballot per current party member of the unit, once. The tokens are answered to the office this
 * one time (to print as sealed slips handed out at random); only their hashes are kept, with no person.
 */
export async function issueBallots(ctx: Ctx, id: string, version: number) {
  const s = await loadSurvey(ctx, id);
  if (s.issued > 0) throw ruleViolation('SURVEY_ALREADY_ISSUED', '选票已发放，不能重复发放');
  if (s.state !== 'open') throw ruleViolation('SURVEY_CLOSED', '测评已结束');
  const [{ n }] = rowsOf<{ n: number }>(await ctx.db.execute(sql`SELECT n FROM ${partyMembersOf(s.unitId)} m`));
  if (!n) throw ruleViolation('NO_PARTY_MEMBERS', '该单位没有在册党员，无法发放选票');
  const tokens = Array.from({ length: n }, () => crypto.randomBytes(18).toString('base64url'));
  const row = await updateAtVersion(ctx.db, surveys, id, version, { issued: n });
  if (!row) throw conflict();
  // Hashes inserted sorted (not in issue order), so row order tells nothing either.
  const hashes = tokens.map(hashOf).sort();
  await ctx.db.insert(surveyTokens).values(hashes.map((hash) => ({ hash, surveyId: id })));
  await recordAudit(ctx, { type: 'survey.issued', entity: 'survey', entityId: id, after: { issued: n } });
  return { survey: await getSurvey(ctx, id), tokens: tokens.sort() };
}

export async function closeSurvey(ctx: Ctx, id: string, version: number) {
  const s = await loadSurvey(ctx, id);
  if (s.state !== 'open') throw ruleViolation('SURVEY_CLOSED', '测评已结束');
  const row = await updateAtVersion(ctx.db, surveys, id, version, { state: 'closed', closedAt: ctx.now });
  if (!row) throw conflict();
  await recordAudit(ctx, { type: 'survey.closed', entity: 'survey', entityId: id });
  return getSurvey(ctx, id);
}

export async function surveyResults(ctx: Ctx, id: string) {
  const s = await getSurvey(ctx, id);
  const ballots = await ctx.db
    .select({ answers: surveyBallots.answers })
    .from(surveyBallots)
    .where(eq(surveyBallots.surveyId, id));
  const perQuestion = s.questions.map((question, q) => {
    const counts = SURVEY_SCALE.map((_, k) => ballots.filter((b) => b.answers[q] === k).length);
    const n = counts.reduce((a, b) => a + b, 0);
    const sum = counts.reduce((a, c, k) => a + c * SURVEY_SCALE[k].points, 0);
    return { question, counts, average: n ? Math.round((sum / n) * 100) / 100 : null };
  });
  return { ...s, scale: SURVEY_SCALE.map((x) => x.label), perQuestion };
}

/** The ballot a token opens (public: the voter is not signed in). */
export async function openBallot(ctx: Ctx, token: string) {
  const rows = rowsOf<{ title: string; unit_id: string; person_id: string | null; questions: string[] }>(
    await ctx.db.execute(sql`SELECT s.title, s.unit_id, s.person_id, s.questions FROM survey_tokens t JOIN surveys s ON s.id = t.survey_id
      WHERE t.hash = ${hashOf(token)} AND NOT t.used AND s.state = 'open'`),
  );
  if (rows.length === 0) throw notFound('选票无效、已使用或测评已结束');
  const { unit_id: unitId, person_id: personId } = rows[0];
  const names = await org.unitNames(ctx.db, [unitId]);
  const persons = await personLabels(ctx, personId ? [personId] : []);
  return {
    title: rows[0].title,
    unitName: names.get(unitId) ?? '',
    personName: personId ? (persons.get(personId) ?? '') : null,
    questions: rows[0].questions,
    scale: SURVEY_SCALE.map((x) => x.label),
  };
}

/**
 * Casts a ballot: one statement spends the token (only if unused: concurrent casts of one token serialise on
 * its row, the second finds it used) and stores the answers without it.
 */
export async function castBallot(ctx: Ctx, token: string, answers: number[]) {
  const ballot = await openBallot(ctx, token);
  if (answers.length !== ballot.questions.length) {
    throw badRequest('ANSWERS_INCOMPLETE', `请回答全部${ballot.questions.length}道题`, 'answers');
  }
  const cast = rowsOf<{ id: string }>(
    await ctx.db.execute(sql`WITH t AS (
        UPDATE survey_tokens SET used = true WHERE hash = ${hashOf(token)} AND NOT used RETURNING survey_id)
      INSERT INTO survey_ballots (survey_id, answers)
      SELECT survey_id, ${`{${answers.join(',')}}`}::int[] FROM t RETURNING id`),
  );
  if (cast.length === 0) throw conflict('该选票已使用');
  return { ok: true };
}
