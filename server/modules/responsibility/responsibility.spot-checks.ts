/**
 * 定期抽查制 (seed 004, SPEC M2): the office draws a random, reproducible sample of a quarter's reports, records
 * a verdict (属实 / 不实 / 不到位) on every item of the drawn reports, and concludes the check, which freezes the
 * verdicts and shows them to the recipients. A negative verdict becomes a problem of the ledger in one action
 * (responsibility.spot-checks.problems.ts).
 *
 * Reports are drawn and items judged: the report is what a recipient signs off for the quarter, so it is the
 * unit of the draw, while a fulfilment record (and its evidence) belongs to one item, so that is what can be
 * true or untrue — and what one problem of the ledger can be about.
 */
import crypto from 'node:crypto';
import { REPORT_STATES, type ReportState, periodLabel } from '../../../common/responsibility.js';
import {
  SPOT_CHECK_ACTIONS,
  SPOT_CHECK_STATES,
  SPOT_CHECK_VERDICTS,
  type SpotCheckState,
  type SpotCheckVerdict,
} from '../../../common/responsibility.spot-checks.js';
import type {
  TCreateSpotCheck,
  TListSpotChecks,
  TSpotCheckEvent,
  TVerdictInput,
} from '../../../common/responsibility.spot-checks.schema.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf, regionOf } from '../../platform/context.js';
import type { Executor } from '../../platform/db/client.js';
import { conflict, notFound, ruleViolation } from '../../platform/errors.js';
import { actionsOf, fireTransition, requireTransition, createdEvent } from '../../platform/workflow/machine.js';
import { notify } from '../notifications/notifications.service.js';
import * as org from '../org/org.service.js';
import * as repo from './responsibility.spot-checks.repository.js';
import { readsSpotChecks, spotCheckCapacities, spotCheckMachine } from './responsibility.spot-checks.states.js';

type VerdictWithItem = Awaited<ReturnType<typeof repo.verdictsWithItems>>[number];

export const verdictLabel = (v: string | null) => (v ? SPOT_CHECK_VERDICTS[v as SpotCheckVerdict] : '未核查');

/** A spot check of the caller's region, for those who read spot checks; anyone else is answered 404. */
export async function loadSpotCheck(ctx: Ctx, id: string) {
  if (!readsSpotChecks(actorOf(ctx))) throw notFound('抽查不存在或无权查看');
  const row = await repo.getSpotCheck(ctx.db, regionOf(ctx), id);
  if (!row) throw notFound('抽查不存在或无权查看');
  return row;
}

async function present(ctx: Ctx, rows: repo.SpotCheckRow[]) {
  const caps = spotCheckCapacities(actorOf(ctx));
  const tallies = await repo.tallies(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const t = tallies.get(r.id);
    return {
      ...r,
      periodLabel: periodLabel(r.year, r.quarter),
      sampledReports: t?.reports ?? 0,
      items: t?.items ?? 0,
      recorded: t?.recorded ?? 0,
      negative: t?.negative ?? 0,
      stateLabel: SPOT_CHECK_STATES[r.state as SpotCheckState],
      actions: actionsOf(spotCheckMachine, caps, { state: r.state }).filter((a) => a !== 'record'),
    };
  });
}

export function presentVerdict(ctx: Ctx, check: { state: string }, r: VerdictWithItem) {
  const { v, ...item } = r;
  const subject = { state: check.state, verdict: v.verdict, converted: !!v.problemId };
  return {
    ...v,
    ...item,
    verdictLabel: verdictLabel(v.verdict),
    actions: actionsOf(spotCheckMachine, spotCheckCapacities(actorOf(ctx)), subject).filter(
      (a) => a === 'record' || a === 'convert',
    ),
  };
}

/** The name a report answers under: the county leader's, or the unit's (领导班子). */
export async function reportRecipients(db: Executor, ids: string[]) {
  const reports = await repo.reportsByIds(db, ids);
  const people = await org.personNames(
    db,
    reports.flatMap((r) => r.recipientPersonId ?? []),
  );
  const units = await org.unitNames(
    db,
    reports.flatMap((r) => r.unitId ?? []),
  );
  return new Map(
    reports.map((r) => [
      r.id,
      {
        ...r,
        name:
          r.recipientKind === 'leader'
            ? (people.get(r.recipientPersonId ?? '') ?? '')
            : `${units.get(r.unitId ?? '') ?? ''}${r.recipientKind === 'leadership' ? '领导班子' : ''}`,
      },
    ]),
  );
}

export async function listSpotChecks(ctx: Ctx, f: TListSpotChecks) {
  if (!readsSpotChecks(actorOf(ctx))) throw notFound('抽查不存在或无权查看');
  const { items, total } = await repo.listSpotChecks(ctx.db, regionOf(ctx), f);
  return { items: await present(ctx, items), total };
}

export async function getSpotCheck(ctx: Ctx, id: string) {
  const row = await loadSpotCheck(ctx, id);
  const [c] = await present(ctx, [row]);
  const samples = await repo.samplesOf(ctx.db, id);
  const verdicts = await repo.verdictsOfCheck(ctx.db, id);
  const reports = await reportRecipients(
    ctx.db,
    samples.map((s) => s.reportId),
  );
  const events = await repo.eventsOf(ctx.db, id);
  return {
    ...c,
    sample: samples.map((s) => ({
      reportId: s.reportId,
      seq: s.seq,
      recipientName: reports.get(s.reportId)?.name ?? '',
      reportStateLabel: REPORT_STATES[reports.get(s.reportId)?.state as ReportState] ?? '',
      verdicts: verdicts.filter((v) => v.v.reportId === s.reportId).map((v) => presentVerdict(ctx, row, v)),
    })),
    events: events.map((e) => ({
      ...e,
      label: (SPOT_CHECK_ACTIONS as Record<string, string>)[e.type] ?? (e.type === 'created' ? '创建抽查' : e.type),
    })),
  };
}

export async function createSpotCheck(ctx: Ctx, input: TCreateSpotCheck) {
  const a = actorOf(ctx);
  const row = await repo.insertSpotCheck(ctx.db, {
    regionId: regionOf(ctx),
    code: await repo.nextCode(ctx.db, input.year),
    year: input.year,
    quarter: input.quarter,
    title: input.title || `${periodLabel(input.year, input.quarter)}主体责任落实情况抽查`,
    note: input.note,
    sampleSize: input.sampleSize,
    samplePercent: input.samplePercent,
    seed: input.seed || crypto.randomBytes(4).toString('hex'),
    createdByUserId: a.userId,
  });
  await repo.insertEvent(ctx.db, { spotCheckId: row.id, ...createdEvent(ctx, 'draft') });
  await recordAudit(ctx, { type: 'spot_check.created', entity: 'spot_check', entityId: row.id, after: row });
  return getSpotCheck(ctx, row.id);
}

export async function deleteSpotCheck(ctx: Ctx, id: string, version: number) {
  const c = await loadSpotCheck(ctx, id);
  requireTransition(spotCheckMachine, 'delete', spotCheckCapacities(actorOf(ctx)), c);
  if (c.version !== version || !(await repo.deleteSpotCheck(ctx.db, id, version))) throw conflict();
  await recordAudit(ctx, { type: 'spot_check.deleted', entity: 'spot_check', entityId: id, before: c });
}

/** How many reports a check draws from a population of `n`: its size (at most all), or its share rounded up. */
export const sampleCount = (c: { sampleSize: number | null; samplePercent: number | null }, n: number) =>
  c.sampleSize !== null
    ? Math.min(c.sampleSize, n)
    : Math.min(n, Math.max(1, Math.ceil((n * (c.samplePercent ?? 0)) / 100)));

/** draw (抽样): fixes the sample; conclude (完成抽查): every item judged, verdicts frozen, recipients told. */
export async function fireSpotCheckEvent(ctx: Ctx, id: string, input: TSpotCheckEvent) {
  const c = await loadSpotCheck(ctx, id);
  await fireTransition(ctx, {
    machine: spotCheckMachine,
    row: c,
    capacities: spotCheckCapacities(actorOf(ctx)),
    event: input.type,
    version: input.version,
    comment: input.comment,
    apply: async () => {
      if (input.type === 'draw') {
        const population = await repo.populationSize(ctx.db, c);
        if (population === 0) {
          throw ruleViolation(
            'SPOT_CHECK_NO_REPORTS',
            `${periodLabel(c.year, c.quarter)}没有已提交或已审核的季度报告，无法抽样`,
          );
        }
        const n = sampleCount(c, population);
        await repo.drawSample(ctx.db, c, n);
        return {
          patch: { populationSize: population, drawnAt: ctx.now },
          payload: { population, drawn: n, seed: c.seed },
          comment: `从${population}份报告中抽取${n}份（随机种子 ${c.seed}）${input.comment ? `；${input.comment}` : ''}`,
        };
      }
      const [t] = (await repo.tallies(ctx.db, [id])).values();
      if (t.recorded < t.items) {
        throw ruleViolation('SPOT_CHECK_INCOMPLETE', `尚有${t.items - t.recorded}项未填写核查结论，不能完成抽查`);
      }
      return {
        patch: { concludedAt: ctx.now, conclusion: input.comment },
        payload: { items: t.items, negative: t.negative },
        after: () => tellRecipients(ctx, c),
      };
    },
    update: (patch, version) => repo.updateSpotCheck(ctx.db, id, version, patch),
    record: (e) => repo.insertEvent(ctx.db, { spotCheckId: id, ...e }),
    audit: { type: 'spot_check.event', entity: 'spot_check', entityId: id },
  });
  return getSpotCheck(ctx, id);
}

/** The recipients of the drawn reports (the county leader, or the unit's principal) learn the verdicts are out. */
async function tellRecipients(ctx: Ctx, c: repo.SpotCheckRow) {
  const samples = await repo.samplesOf(ctx.db, c.id);
  const reports = [
    ...(
      await reportRecipients(
        ctx.db,
        samples.map((s) => s.reportId),
      )
    ).values(),
  ];
  const contacts = await org.unitContactsForSystem(
    ctx.db,
    reports.flatMap((r) => r.unitId ?? []),
  );
  for (const r of reports) {
    const person = r.recipientPersonId ?? contacts.get(r.unitId ?? '')?.principalPersonId;
    if (!person) continue;
    await notify(ctx, {
      personIds: [person],
      kind: 'spot_check.concluded',
      title: `【抽查结论】${periodLabel(c.year, c.quarter)}主体责任落实情况报告`,
      body: '您的季度落实情况报告被抽中核查，核查结论已出，请查看。',
      link: `/responsibility/reports/${r.id}`,
    });
  }
}

/** A verdict on one sampled item, while the check is in progress (its own row: entering one never conflicts). */
export async function recordVerdict(ctx: Ctx, id: string, verdictId: string, input: TVerdictInput) {
  const a = actorOf(ctx);
  const c = await loadSpotCheck(ctx, id);
  const before = await repo.getVerdict(ctx.db, id, verdictId);
  if (!before) throw notFound('抽查事项不存在');
  requireTransition(spotCheckMachine, 'record', spotCheckCapacities(a), c);
  const after = await repo.updateVerdict(ctx.db, verdictId, {
    verdict: input.verdict,
    comment: input.comment,
    evidenceRef: input.evidenceRef,
    recordedByUserId: a.userId,
    recordedByName: a.displayName,
    recordedAt: ctx.now,
  });
  await recordAudit(ctx, {
    type: 'spot_check.verdict_recorded',
    entity: 'spot_check',
    entityId: id,
    before: { verdictId, verdict: before.verdict, comment: before.comment, evidenceRef: before.evidenceRef },
    after: { verdictId, verdict: after.verdict, comment: after.comment, evidenceRef: after.evidenceRef },
  });
  return verdictOf(ctx, c, verdictId);
}

export async function verdictOf(ctx: Ctx, c: { id: string; state: string }, verdictId: string) {
  const [row] = await repo.verdictById(ctx.db, verdictId);
  if (!row) throw notFound('抽查事项不存在');
  return presentVerdict(ctx, c, row);
}
