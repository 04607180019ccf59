import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { updateAtVersion } from '../../platform/db/versioned.js';
import {
  ASSESSMENT_EVENTS,
  ASSESSMENT_STATES,
  GRADES,
  type AssessmentEvent,
  type AssessmentState,
  type Grade,
} from '../../../common/assessment.js';
import type { TAssessmentEvent, TCreateAssessment, TListAssessments } from '../../../common/assessment.schema.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { isoDate } from '../../platform/calendar/working-days.js';
import { type Ctx, actorOf, regionOf } from '../../platform/context.js';
import { issuedNumbers } from '../../platform/documents/document-registry.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { type Step, actionsOf, fireTransition, createdEvent } from '../../platform/workflow/machine.js';
import { selectPage } from '../../platform/db/paging.js';
import { proposeTalk } from '../talks/talks.service.js';
import { computeRun } from './assessment.scoring.js';
import { settingsOf } from './assessment.settings.js';
import { assessmentMachine, capacitiesOf } from './assessment.states.js';
import { getSystem, loadSystem } from './assessment.systems.js';
import { ASSESSMENT_REPORT } from './assessment.numbering.js';
import {
  assessmentEvents,
  assessmentPublications,
  assessmentResults,
  assessments,
  indicatorSystems,
} from './assessment.tables.js';

type Row = typeof assessments.$inferSelect;

/** Who manages runs sees every run and revision; everyone else the published revision of published runs. */
const manages = (ctx: Ctx) => actorOf(ctx).permissions.has('assessment:manage');

function visible(ctx: Ctx) {
  return and(
    eq(assessments.regionId, regionOf(ctx)),
    isNull(assessments.deletedAt),
    manages(ctx) ? undefined : isNotNull(assessments.publishedRevision),
  );
}

async function present(ctx: Ctx, rows: Row[]) {
  const caps = capacitiesOf(actorOf(ctx));
  const ids = [...new Set(rows.map((r) => r.systemId))];
  const names = ids.length
    ? new Map(
        (
          await ctx.db
            .select({ id: indicatorSystems.id, name: indicatorSystems.name })
            .from(indicatorSystems)
            .where(inArray(indicatorSystems.id, ids))
        ).map((s) => [s.id, s.name]),
      )
    : new Map<string, string>();
  return rows.map((r) => ({
    ...r,
    systemName: names.get(r.systemId) ?? '',
    stateLabel: ASSESSMENT_STATES[r.state as AssessmentState],
    actions: actionsOf(assessmentMachine, caps, r) as string[],
  }));
}

export async function listAssessments(ctx: Ctx, f: TListAssessments) {
  const w = and(visible(ctx), f.state ? eq(assessments.state, f.state) : undefined);
  const { items, total } = await selectPage(
    ctx.db,
    assessments,
    w,
    [desc(assessments.periodTo), asc(assessments.name), asc(assessments.id)],
    f,
  );
  return { items: await present(ctx, items), total };
}

export async function loadAssessment(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(assessments)
    .where(and(visible(ctx), eq(assessments.id, id)));
  if (!row) throw notFound('考核不存在或无权查看');
  return row;
}

export async function getAssessment(ctx: Ctx, id: string) {
  const [a] = await present(ctx, [await loadAssessment(ctx, id)]);
  const events = await ctx.db
    .select()
    .from(assessmentEvents)
    .where(eq(assessmentEvents.assessmentId, id))
    .orderBy(asc(assessmentEvents.at));
  return {
    ...a,
    publications: await publicationsOf(ctx, a),
    events: events.map((e) => ({ ...e, label: ASSESSMENT_EVENTS[e.type as AssessmentEvent] ?? '创建考核' })),
  };
}

/** The run's publications with their 通报 numbers, newest first; a non-manager sees the one in force only. */
async function publicationsOf(ctx: Ctx, run: Pick<Row, 'id' | 'publishedRevision'>) {
  const rows = await ctx.db
    .select()
    .from(assessmentPublications)
    .where(
      and(
        eq(assessmentPublications.assessmentId, run.id),
        manages(ctx) ? undefined : eq(assessmentPublications.revision, run.publishedRevision ?? -1),
      ),
    )
    .orderBy(desc(assessmentPublications.revision));
  const numbers = await issuedNumbers(
    ctx.db,
    rows.map((r) => r.id),
    [ASSESSMENT_REPORT.kind],
  );
  return rows.map((r) => ({
    id: r.id,
    revision: r.revision,
    publishedAt: r.publishedAt,
    docNumber: numbers.get(r.id) ?? null,
  }));
}

export async function createAssessment(ctx: Ctx, input: TCreateAssessment) {
  await loadSystem(ctx, input.systemId).catch(() => {
    throw badRequest('SYSTEM_NOT_FOUND', '指标体系不存在', 'systemId');
  });
  const [row] = await ctx.db
    .insert(assessments)
    .values({ ...input, regionId: regionOf(ctx) })
    .returning();
  await ctx.db.insert(assessmentEvents).values({ assessmentId: row.id, ...createdEvent(ctx, 'draft') });
  await recordAudit(ctx, { type: 'assessment.created', entity: 'assessment', entityId: row.id, after: row });
  return getAssessment(ctx, row.id);
}

/** compute (idempotent), freeze (never changes after), publish (approved; bottom-ranked get a talk), revise. */
export async function fireAssessmentEvent(ctx: Ctx, id: string, input: TAssessmentEvent) {
  const run = await loadAssessment(ctx, id);
  await fireTransition(ctx, {
    machine: assessmentMachine,
    row: run,
    capacities: capacitiesOf(actorOf(ctx)),
    event: input.type,
    version: input.version,
    apply: () => applyEvent(ctx, run),
    update: (patch, version) => updateAtVersion(ctx.db, assessments, id, version, patch, undefined, ctx.now),
    comment: input.comment,
    record: (e) =>
      ctx.db
        .insert(assessmentEvents)
        .values({ assessmentId: id, ...e })
        .then(() => undefined),
    audit: { type: 'assessment.event', entity: 'assessment', entityId: id },
  });
  return getAssessment(ctx, id);

  async function applyEvent(ctx: Ctx, r: Row): Promise<Step<Row, AssessmentState>> {
    switch (input.type) {
      case 'compute': {
        const system = await getSystem(ctx, r.systemId);
        const { version: _, ...settings } = await settingsOf(ctx, r.regionId);
        await computeRun(ctx.db, r, system, settings, isoDate(ctx.now));
        const [{ units }] = await ctx.db
          .select({ units: count() })
          .from(assessmentResults)
          .where(and(eq(assessmentResults.assessmentId, r.id), eq(assessmentResults.revision, r.revision)));
        return {
          patch: { computedAt: ctx.now, basis: { settings, indicators: system.indicators } },
          payload: { revision: r.revision, units },
        };
      }
      case 'freeze':
        return { patch: { frozenAt: ctx.now }, payload: { revision: r.revision } };
      case 'publish':
        return {
          patch: { publishedAt: ctx.now, publishedRevision: r.revision },
          payload: { revision: r.revision },
          after: async () => {
            await issueReport(ctx, r);
            await proposeBottomTalks(ctx, r);
          },
        };
      case 'revise':
        return {
          patch: { revision: r.revision + 1, computedAt: null, frozenAt: null },
          payload: { revision: r.revision + 1 },
        };
    }
  }
}

/** Records the publication of the revision and issues its 考核结果通报 (numbered and dated now, never again). */
async function issueReport(ctx: Ctx, r: Row) {
  const [publication] = await ctx.db
    .insert(assessmentPublications)
    .values({ assessmentId: r.id, revision: r.revision, publishedAt: ctx.now })
    .returning();
  await ASSESSMENT_REPORT.issue(ctx, { id: publication.id, regionId: r.regionId });
}

/**
 * The bottom-ranked unit(s) of each unit type (ties included) are proposed a talk (SPEC M6, seed 002). A leader
 * system proposes none: a talk with a leader is the commission's own decision, not a rule's.
 */
async function proposeBottomTalks(ctx: Ctx, r: Row) {
  const { bottomTalk } = await settingsOf(ctx, r.regionId);
  if (bottomTalk === 'none' || (await subjectKindOf(ctx, r)) === 'leader') return;
  const bottom = await ctx.db
    .select()
    .from(assessmentResults)
    .where(
      and(
        eq(assessmentResults.assessmentId, r.id),
        eq(assessmentResults.revision, r.revision),
        sql`${assessmentResults.rank} = (SELECT max(x.rank) FROM assessment_results x WHERE x.assessment_id = ${r.id}
          AND x.revision = ${r.revision} AND x.unit_type = ${assessmentResults.unitType})`,
        // Everyone tied for first (e.g. no data yet) leaves no 末位 to talk to.
        sql`${assessmentResults.rank} > 1`,
      ),
    );
  const talkOn = isoDate(new Date(ctx.now.getTime() + 7 * 86400_000));
  for (const b of bottom) {
    const talk = await proposeTalk(ctx, {
      kind: bottomTalk,
      subjectUnitId: b.unitId,
      reason: `${r.name}中排名末位（第${b.rank}名/共${b.rankOf}个，得分${b.score}，等次${GRADES[b.grade as Grade]}），按规定${bottomTalk === 'interview' ? '约谈' : '提醒谈话'}`,
      talkOn,
    });
    await ctx.db
      .update(assessmentResults)
      .set({ talkId: talk.id })
      .where(
        and(
          eq(assessmentResults.assessmentId, r.id),
          eq(assessmentResults.revision, r.revision),
          eq(assessmentResults.unitId, b.unitId),
        ),
      );
  }
}

/** The revision a caller may read: managers any (default the current), others the published one only. */
export function revisionFor(ctx: Ctx, run: Pick<Row, 'revision' | 'publishedRevision'>, asked?: number) {
  if (manages(ctx)) return asked ?? run.revision;
  if (run.publishedRevision === null || (asked !== undefined && asked !== run.publishedRevision)) {
    throw notFound('考核结果不存在或无权查看');
  }
  return run.publishedRevision;
}

/** The run's subject kind ('unit' or 'leader'), from its system. */
export async function subjectKindOf(ctx: Ctx, run: Pick<Row, 'systemId'>) {
  const [row] = await ctx.db
    .select({ kind: indicatorSystems.subjectKind })
    .from(indicatorSystems)
    .where(eq(indicatorSystems.id, run.systemId));
  return row?.kind ?? 'unit';
}
