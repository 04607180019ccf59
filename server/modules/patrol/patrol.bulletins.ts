import {
  CIRCULAR_KINDS,
  CIRCULAR_STATES,
  TYPICAL_CASE_KINDS,
  TYPICAL_CASE_STATES,
  type TypicalCaseEvent,
} from '../../../common/patrol.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { withDocNumbers } from '../../platform/documents/document-registry.js';
import { type Ctx, actorOf, today } from '../../platform/context.js';
import { badRequest, forbidden, notFound } from '../../platform/errors.js';
import { actionsOf, fireTransition } from '../../platform/workflow/machine.js';
import { unitNames } from '../org/org.service.js';
import { loadProblem } from '../problems/problems.service.js';
import { PATROL_DOCUMENTS } from './patrol.numbering.js';
import { proposeAccountabilityForCircular } from './patrol.proposal.js';
import { circularCapacitiesOf, isManager, typicalCaseCapacitiesOf } from './patrol.policy.js';
import * as repo from './patrol.repository.js';
import type { TCreateCircular, TCreateTypicalCase, TSimpleEvent } from '../../../common/patrol.schema.js';
import { checkUnits, patrolScope, recordTransitionOf } from './patrol.service.js';
import { circularMachine, typicalCaseMachine } from './patrol.states.js';

// 督导巡查通报 / 约谈建议书: drafted by the office, approved by a commission leader, published by the office.
async function presentCirculars(ctx: Ctx, rows: repo.CircularRow[]) {
  const actor = actorOf(ctx);
  const names = await unitNames(
    ctx.db,
    rows.flatMap((c) => [...c.unitIds, ...c.audienceUnitIds]),
  );
  return (await withDocNumbers(ctx.db, rows)).map((c) => ({
    ...c,
    kindLabel: CIRCULAR_KINDS[c.kind as keyof typeof CIRCULAR_KINDS] ?? c.kind,
    stateLabel: CIRCULAR_STATES[c.state as keyof typeof CIRCULAR_STATES] ?? c.state,
    units: c.unitIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    audience: c.audienceUnitIds.length ? c.audienceUnitIds.map((id) => names.get(id) ?? '').join('、') : '全县各单位',
    // Findings are the office's: other readers learn only how many matters were named.
    findingIds: isManager(actor) ? c.findingIds : [],
    namedMatters: c.findingIds.length + c.problemIds.length,
    actions: actionsOf(circularMachine, circularCapacitiesOf(actor), c),
  }));
}

export async function listCirculars(ctx: Ctx, p: { page: number; pageSize: number }) {
  const actor = actorOf(ctx);
  const { items, total } = await repo.listCirculars(ctx.db, actor.scope, isManager(actor), p);
  return { items: await presentCirculars(ctx, items), total };
}

export async function getCircular(ctx: Ctx, id: string) {
  const actor = actorOf(ctx);
  const row = await repo.getCircular(ctx.db, actor.scope, isManager(actor), id);
  if (!row) throw notFound('通报不存在或无权查看');
  const [view] = await presentCirculars(ctx, [row]);
  return { ...view, events: isManager(actor) ? await repo.eventsOf(ctx.db, id) : [] };
}

export async function createCircular(ctx: Ctx, input: TCreateCircular) {
  const actor = actorOf(ctx);
  if (!isManager(actor)) throw forbidden();
  const findings = await repo.visibleFindings(ctx.db, patrolScope(actor), input.findingIds);
  if (findings.length !== new Set(input.findingIds).size) {
    throw badRequest('FINDING_NOT_FOUND', '所选督导发现不存在', 'findingIds');
  }
  const problemUnits: string[] = [];
  for (const id of input.problemIds) {
    const p = await loadProblem(ctx, id).catch(() => {
      throw badRequest('PROBLEM_NOT_FOUND', '所选问题不存在', 'problemIds');
    });
    problemUnits.push(p.problem.unitId);
  }
  // The units named are those chosen, or else the units of the matters named.
  const unitIds = [
    ...new Set(input.unitIds.length ? input.unitIds : [...findings.map((f) => f.unitId), ...problemUnits]),
  ];
  await checkUnits(ctx, [...unitIds, ...input.audienceUnitIds], 'unitIds');
  const regionId = actor.scope.regionId as string;
  const year = Number(today(ctx).slice(0, 4));
  const serial = await repo.nextSerial(ctx.db, 'circular', regionId, year);
  const row = await repo.insertCircular(ctx.db, {
    ...input,
    unitIds,
    findingIds: [...new Set(input.findingIds)],
    problemIds: [...new Set(input.problemIds)],
    regionId,
    code: `${input.kind === 'circular' ? '督通' : '督约'}〔${year}〕${serial}号`,
  });
  await recordAudit(ctx, { type: 'patrol.circular_created', entity: 'patrol_circular', entityId: row.id, after: row });
  return getCircular(ctx, row.id);
}

export async function fireCircularEvent(ctx: Ctx, id: string, input: TSimpleEvent) {
  const actor = actorOf(ctx);
  const c = await repo.getCircular(ctx.db, actor.scope, isManager(actor), id);
  if (!c) throw notFound('通报不存在或无权查看');
  await fireTransition(ctx, {
    machine: circularMachine,
    row: c,
    capacities: circularCapacitiesOf(actor),
    event: input.type,
    version: input.version,
    apply: () => ({
      patch:
        input.type === 'approve' ? { approvedBy: actor.displayName, approvedAt: ctx.now } : { publishedAt: ctx.now },
      after: async (row) => {
        if (input.type === 'publish')
          await PATROL_DOCUMENTS[row.kind === 'circular' ? 'circular' : 'interview'].issue(ctx, row);
        // 督+问: the published circular also proposes accountability of the units it names.
        if (input.type === 'publish' && input.accountability)
          await proposeAccountabilityForCircular(ctx, row, input.accountability);
      },
    }),
    update: (patch, version) => repo.updateCircular(ctx.db, id, version, patch),
    record: recordTransitionOf(ctx, 'circular', id, input.comment),
    audit: { type: 'patrol.circular_event', entity: 'patrol_circular', entityId: id },
  });
  return getCircular(ctx, id);
}

// 典型案例: drafted by the office, published to every unit.
async function presentTypicalCases(ctx: Ctx, rows: repo.TypicalCaseRow[]) {
  const actor = actorOf(ctx);
  const names = await unitNames(
    ctx.db,
    rows.map((c) => c.unitId).filter((x): x is string => !!x),
  );
  return rows.map((c) => ({
    ...c,
    findingId: isManager(actor) ? c.findingId : null,
    unitName: c.unitId ? (names.get(c.unitId) ?? '') : '',
    kindLabel: TYPICAL_CASE_KINDS[c.kind as keyof typeof TYPICAL_CASE_KINDS] ?? c.kind,
    stateLabel: TYPICAL_CASE_STATES[c.state as keyof typeof TYPICAL_CASE_STATES] ?? c.state,
    actions: actionsOf(typicalCaseMachine, typicalCaseCapacitiesOf(actor), c),
  }));
}

export async function listTypicalCases(ctx: Ctx, p: { page: number; pageSize: number }) {
  const actor = actorOf(ctx);
  const { items, total } = await repo.listTypicalCases(ctx.db, actor.scope.regionId, isManager(actor), p);
  return { items: await presentTypicalCases(ctx, items), total };
}

export async function getTypicalCase(ctx: Ctx, id: string) {
  const actor = actorOf(ctx);
  const row = await repo.getTypicalCase(ctx.db, actor.scope.regionId, isManager(actor), id);
  if (!row) throw notFound('典型案例不存在或无权查看');
  return (await presentTypicalCases(ctx, [row]))[0];
}

export async function createTypicalCase(ctx: Ctx, input: TCreateTypicalCase) {
  const actor = actorOf(ctx);
  if (!isManager(actor)) throw forbidden();
  let unitId = input.unitId ?? null;
  if (input.findingId) {
    const f = await repo.getFinding(ctx.db, patrolScope(actor), input.findingId);
    if (!f) throw badRequest('FINDING_NOT_FOUND', '所选督导发现不存在', 'findingId');
    unitId = unitId ?? f.unitId;
  }
  if (unitId) await checkUnits(ctx, [unitId], 'unitId');
  const row = await repo.insertTypicalCase(ctx.db, {
    regionId: actor.scope.regionId as string,
    kind: input.kind,
    title: input.title,
    body: input.body,
    findingId: input.findingId ?? null,
    unitId,
  });
  await recordAudit(ctx, { type: 'patrol.case_created', entity: 'patrol_case', entityId: row.id, after: row });
  return getTypicalCase(ctx, row.id);
}

export async function fireTypicalCaseEvent(ctx: Ctx, id: string, input: TSimpleEvent) {
  const actor = actorOf(ctx);
  const c = await repo.getTypicalCase(ctx.db, actor.scope.regionId, isManager(actor), id);
  if (!c) throw notFound('典型案例不存在或无权查看');
  await fireTransition(ctx, {
    machine: typicalCaseMachine,
    row: c,
    capacities: typicalCaseCapacitiesOf(actor),
    // 'approve' is no event of a typical case: the table answers it with a 422.
    event: input.type as TypicalCaseEvent,
    version: input.version,
    apply: () => ({ patch: { publishedAt: ctx.now } }),
    update: (patch, version) => repo.updateTypicalCase(ctx.db, id, version, patch),
    record: recordTransitionOf(ctx, 'case', id, input.comment),
    audit: { type: 'patrol.case_event', entity: 'patrol_case', entityId: id },
  });
  return getTypicalCase(ctx, id);
}
