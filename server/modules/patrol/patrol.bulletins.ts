import { CASE_KINDS, CASE_STATES, CIRCULAR_KINDS, CIRCULAR_STATES } from '../../../common/patrol.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, type Ctx, actorOf, today } from '../../platform/context.js';
import { badRequest, conflict, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import { unitNames } from '../org/org.service.js';
import { loadProblem } from '../problems/problems.service.js';
import * as repo from './patrol.repository.js';
import type { TCreateCase, TCreateCircular, TSimpleEvent } from '../../../common/patrol.schema.js';
import { checkUnits, isManager, patrolScope, recordEvent } from './patrol.service.js';

// 督导巡查通报 / 约谈建议书: drafted by the office, approved by a commission leader, published by the office.
function circularActions(actor: Actor, c: repo.CircularRow): string[] {
  if (!isManager(actor)) return [];
  if (c.state === 'draft' && actor.permissions.has('patrol:approve')) return ['approve'];
  if (c.state === 'approved') return ['publish'];
  return [];
}

async function presentCirculars(ctx: Ctx, rows: repo.CircularRow[]) {
  const actor = actorOf(ctx);
  const names = await unitNames(
    ctx.db,
    rows.flatMap((c) => [...c.unitIds, ...c.audienceUnitIds]),
  );
  return rows.map((c) => ({
    ...c,
    kindLabel: CIRCULAR_KINDS[c.kind as keyof typeof CIRCULAR_KINDS] ?? c.kind,
    stateLabel: CIRCULAR_STATES[c.state as keyof typeof CIRCULAR_STATES] ?? c.state,
    units: c.unitIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    audience: c.audienceUnitIds.length ? c.audienceUnitIds.map((id) => names.get(id) ?? '').join('、') : '全县各单位',
    // Findings are the office's: other readers learn only how many matters were named.
    findingIds: isManager(actor) ? c.findingIds : [],
    namedMatters: c.findingIds.length + c.problemIds.length,
    actions: circularActions(actor, c),
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
  if (!circularActions(actor, c).includes(input.type)) {
    if (!isManager(actor) || (input.type === 'approve' && c.state === 'draft')) throw forbidden();
    throw ruleViolation(
      'CIRCULAR_ILLEGAL_TRANSITION',
      `当前状态为“${CIRCULAR_STATES[c.state as 'draft']}”，不能执行该操作`,
    );
  }
  if (c.version !== input.version) throw conflict();
  const patch: Partial<repo.CircularRow> =
    input.type === 'approve'
      ? { state: 'approved', approvedBy: actor.displayName, approvedAt: ctx.now }
      : { state: 'published', publishedAt: ctx.now };
  const row = await repo.updateCircular(ctx.db, id, input.version, patch);
  if (!row) throw conflict();
  await recordEvent(ctx, {
    entity: 'circular',
    entityId: id,
    type: input.type,
    from: c.state,
    to: row.state,
    comment: input.comment,
  });
  await recordAudit(ctx, {
    type: 'patrol.circular_event',
    entity: 'patrol_circular',
    entityId: id,
    before: { state: c.state },
    after: { event: input.type, state: row.state },
  });
  return getCircular(ctx, id);
}

// 典型案例: drafted by the office, published to every unit.
async function presentCases(ctx: Ctx, rows: repo.CaseRow[]) {
  const actor = actorOf(ctx);
  const names = await unitNames(
    ctx.db,
    rows.map((c) => c.unitId).filter((x): x is string => !!x),
  );
  return rows.map((c) => ({
    ...c,
    findingId: isManager(actor) ? c.findingId : null,
    unitName: c.unitId ? (names.get(c.unitId) ?? '') : '',
    kindLabel: CASE_KINDS[c.kind as keyof typeof CASE_KINDS] ?? c.kind,
    stateLabel: CASE_STATES[c.state as keyof typeof CASE_STATES] ?? c.state,
    actions: isManager(actor) && c.state === 'draft' ? ['publish'] : [],
  }));
}

export async function listCases(ctx: Ctx, p: { page: number; pageSize: number }) {
  const actor = actorOf(ctx);
  const { items, total } = await repo.listCases(ctx.db, actor.scope.regionId, isManager(actor), p);
  return { items: await presentCases(ctx, items), total };
}

export async function getCase(ctx: Ctx, id: string) {
  const actor = actorOf(ctx);
  const row = await repo.getCase(ctx.db, actor.scope.regionId, isManager(actor), id);
  if (!row) throw notFound('典型案例不存在或无权查看');
  return (await presentCases(ctx, [row]))[0];
}

export async function createCase(ctx: Ctx, input: TCreateCase) {
  const actor = actorOf(ctx);
  if (!isManager(actor)) throw forbidden();
  let unitId = input.unitId ?? null;
  if (input.findingId) {
    const f = await repo.getFinding(ctx.db, patrolScope(actor), input.findingId);
    if (!f) throw badRequest('FINDING_NOT_FOUND', '所选督导发现不存在', 'findingId');
    unitId = unitId ?? f.unitId;
  }
  if (unitId) await checkUnits(ctx, [unitId], 'unitId');
  const row = await repo.insertCase(ctx.db, {
    regionId: actor.scope.regionId as string,
    kind: input.kind,
    title: input.title,
    body: input.body,
    findingId: input.findingId ?? null,
    unitId,
  });
  await recordAudit(ctx, { type: 'patrol.case_created', entity: 'patrol_case', entityId: row.id, after: row });
  return getCase(ctx, row.id);
}

export async function fireCaseEvent(ctx: Ctx, id: string, input: TSimpleEvent) {
  const actor = actorOf(ctx);
  const c = await repo.getCase(ctx.db, actor.scope.regionId, isManager(actor), id);
  if (!c) throw notFound('典型案例不存在或无权查看');
  if (!isManager(actor)) throw forbidden();
  if (input.type !== 'publish' || c.state !== 'draft') {
    throw ruleViolation('CASE_ILLEGAL_TRANSITION', '典型案例已发布或操作不正确');
  }
  if (c.version !== input.version) throw conflict();
  const row = await repo.updateCase(ctx.db, id, input.version, { state: 'published', publishedAt: ctx.now });
  if (!row) throw conflict();
  await recordEvent(ctx, {
    entity: 'case',
    entityId: id,
    type: 'publish',
    from: 'draft',
    to: 'published',
    comment: input.comment,
  });
  await recordAudit(ctx, {
    type: 'patrol.case_event',
    entity: 'patrol_case',
    entityId: id,
    before: { state: c.state },
    after: { event: 'publish', state: 'published' },
  });
  return getCase(ctx, id);
}
