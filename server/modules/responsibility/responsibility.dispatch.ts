/** 派单 (SPEC M2): dispatches, their items and deadlines, events, the quarter's generation and fulfilment. */
import { sql } from 'drizzle-orm';
import {
  DISPATCH_KINDS,
  DISPATCH_STATES,
  type DispatchKind,
  type DispatchState,
  SOURCE_TYPES,
  type SourceType,
  periodLabel,
  quarterEnd,
} from '../../../common/responsibility.js';
import { DISPATCH_ACTIONS } from '../../../common/responsibility.states.js';
import type {
  TCreateDispatch,
  TDeadline,
  TDispatchEvent,
  TFulfilmentInput,
  TGenerateQuarter,
  TListDispatches,
} from '../../../common/responsibility.schema.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { addWorkingDays } from '../../platform/calendar/calendar.service.js';
import { type Ctx, actorOf, regionOf, today } from '../../platform/context.js';
import { badRequest, conflict, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import type { StoredFile } from '../../platform/http/files.js';
import { actionsOf, fireTransition, requireTransition, createdEvent } from '../../platform/workflow/machine.js';
import { notify } from '../notifications/notifications.service.js';
import * as org from '../org/org.service.js';
import { dispatchCapacities } from './responsibility.policy.js';
import * as repo from './responsibility.repository.js';
import { readSource } from './responsibility.sources.js';
import { catalogueCount, generateQuarter as generateSet } from './responsibility.sets.js';
import { dispatches } from './responsibility.tables.js';
import { dispatchMachine } from './responsibility.states.js';
import { DISPATCH_SHEET } from './responsibility.numbering.js';

const recipientNames = async (ctx: Ctx, rows: { recipientPersonId: string | null; unitId: string | null }[]) => {
  const people = await org.personNames(ctx.db, [...new Set(rows.flatMap((r) => r.recipientPersonId ?? []))]);
  const units = await org.unitNames(ctx.db, [...new Set(rows.flatMap((r) => r.unitId ?? []))]);
  return (r: { recipientKind: string; recipientPersonId: string | null; unitId: string | null }) =>
    r.recipientKind === 'leader'
      ? (people.get(r.recipientPersonId ?? '') ?? '')
      : `${units.get(r.unitId ?? '') ?? ''}${r.recipientKind === 'leadership' ? '领导班子' : ''}`;
};

async function present(ctx: Ctx, rows: repo.DispatchRow[]) {
  const a = actorOf(ctx);
  const nameOf = await recipientNames(ctx, rows);
  const counts = await repo.itemCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    kindLabel: DISPATCH_KINDS[r.kind as DispatchKind],
    periodLabel: periodLabel(r.year, r.quarter),
    recipientName: nameOf(r),
    stateLabel: DISPATCH_STATES[r.state as DispatchState],
    itemCount: counts.get(r.id)?.n ?? 0,
    fulfilledCount: counts.get(r.id)?.done ?? 0,
    actions: actionsOf(dispatchMachine, dispatchCapacities(a, r), r),
  }));
}

export async function listDispatches(ctx: Ctx, f: TListDispatches) {
  const a = actorOf(ctx);
  const ownUnits = a.roles.filter((g) => g.unitId && g.role.startsWith('unit_')).map((g) => g.unitId as string);
  const mine =
    f.mine === 'true'
      ? sql`(${dispatches.recipientPersonId} = ${a.personId} OR ${dispatches.unitId} = ANY(${`{${ownUnits.join(',')}}`}::uuid[]))`
      : undefined;
  const { items, total } = await repo.listDispatches(ctx.db, a.scope, f, mine, today(ctx));
  return { items: await present(ctx, items), total };
}

export async function loadDispatch(ctx: Ctx, id: string) {
  const row = await repo.getDispatch(ctx.db, actorOf(ctx).scope, id);
  if (!row) throw notFound('派单不存在或无权查看');
  return row;
}

export async function getDispatch(ctx: Ctx, id: string) {
  const [d] = await present(ctx, [await loadDispatch(ctx, id)]);
  const now = today(ctx);
  const [items, records, files, events] = [
    await repo.itemsOf(ctx.db, [id]),
    await repo.fulfilmentsOf(ctx.db, [id]),
    await repo.filesOf(ctx.db, [id]),
    await repo.eventsOf(ctx.db, id),
  ];
  return {
    ...d,
    items: items.map((i) => ({
      ...i,
      overdue: !i.fulfilledOn && i.deadline < now && d.state !== 'closed',
      fulfilments: records
        .filter((r) => r.dispatchItemId === i.id)
        .map((r) => ({ ...r, files: files.filter((x) => x.fulfilmentId === r.id) })),
    })),
    events: events.map((e) => ({
      ...e,
      label: (DISPATCH_ACTIONS as Record<string, string>)[e.type] ?? (e.type === 'created' ? '创建派单' : e.type),
    })),
  };
}

/** A deadline given as a date, or as working days from `from` by the platform calendar. */
export async function deadlineOf(ctx: Ctx, d: TDeadline, from: string) {
  if ('date' in d) return { deadline: d.date, rule: '' };
  return { deadline: await addWorkingDays(ctx.db, from, d.workingDays), rule: `${d.workingDays}个工作日` };
}

async function checkRecipient(
  ctx: Ctx,
  input: Pick<TCreateDispatch, 'recipientKind' | 'recipientPersonId' | 'unitId'>,
) {
  if (input.recipientKind === 'leader') {
    if (!input.recipientPersonId) throw badRequest('RECIPIENT_REQUIRED', '请选择县级领导', 'recipientPersonId');
    await org.getPerson(ctx, input.recipientPersonId).catch(() => {
      throw badRequest('PERSON_NOT_FOUND', '县级领导不存在', 'recipientPersonId');
    });
    return { recipientPersonId: input.recipientPersonId, unitId: null };
  }
  if (!input.unitId) throw badRequest('UNIT_REQUIRED', '请选择单位', 'unitId');
  await org.getUnit(ctx, input.unitId).catch(() => {
    throw badRequest('UNIT_NOT_FOUND', '单位不存在', 'unitId');
  });
  return { recipientPersonId: null, unitId: input.unitId };
}

export async function createDispatch(ctx: Ctx, input: TCreateDispatch) {
  const a = actorOf(ctx);
  const regionId = regionOf(ctx);
  if (input.kind === 'quarterly' && !input.quarter)
    throw badRequest('QUARTER_REQUIRED', '季度派单请选择季度', 'quarter');
  if (input.kind === 'extra' && (!input.sourceType || !input.sourceId)) {
    throw badRequest('SOURCE_REQUIRED', '增派单须注明来源（问题、督导发现、预警或案件）', 'sourceType');
  }
  if (!!input.sourceType !== !!input.sourceId)
    throw badRequest('SOURCE_INCOMPLETE', '来源类型与来源须同时填写', 'sourceId');
  const source = input.sourceType && input.sourceId ? await readSource(ctx, input.sourceType, input.sourceId) : null;
  const recipient = await checkRecipient(ctx, input);
  const catalogue = new Map(
    (
      await repo.catalogueItems(
        ctx.db,
        regionId,
        input.items.flatMap((i) => i.catalogueItemId ?? []),
      )
    ).map((c) => [c.id, c]),
  );
  const from = today(ctx);
  const items = [];
  for (const [i, it] of input.items.entries()) {
    const c = it.catalogueItemId ? catalogue.get(it.catalogueItemId) : undefined;
    if (it.catalogueItemId && !c)
      throw badRequest('ITEM_NOT_FOUND', '目录中的责任事项不存在', `items.${i}.catalogueItemId`);
    const content = it.content || c?.content || '';
    if (!content) throw badRequest('CONTENT_REQUIRED', '请填写责任内容', `items.${i}.content`);
    const { deadline, rule } = await deadlineOf(ctx, it.deadline, from);
    items.push({
      catalogueItemId: c?.id ?? null,
      category: it.category || c?.category || '',
      content,
      target: it.target || c?.target || '',
      evidence: it.evidence || c?.evidence || '',
      deadline,
      deadlineRule: rule,
      sortOrder: i + 1,
    });
  }
  const [code] = await repo.nextCodes(ctx.db, input.year, 1);
  const title =
    input.title ||
    `${periodLabel(input.year, input.quarter)}${source ? `${SOURCE_TYPES[input.sourceType as SourceType]}` : ''}主体责任${DISPATCH_KINDS[input.kind]}`;
  const row = await repo.insertDispatch(ctx.db, {
    regionId,
    code,
    kind: input.kind,
    year: input.year,
    quarter: input.quarter,
    recipientKind: input.recipientKind,
    ...recipient,
    title,
    note: input.note,
    sourceType: input.sourceType,
    sourceId: input.sourceId,
    createdByUserId: a.userId,
  });
  await repo.insertItems(
    ctx.db,
    items.map((i) => ({ ...i, dispatchId: row.id, regionId })),
  );
  await repo.insertEvent(ctx.db, { dispatchId: row.id, ...createdEvent(ctx, 'draft') });
  await recordAudit(ctx, { type: 'dispatch.created', entity: 'dispatch', entityId: row.id, after: row });
  return getDispatch(ctx, row.id);
}

export async function deleteDispatch(ctx: Ctx, id: string, version: number) {
  const d = await loadDispatch(ctx, id);
  requireTransition(dispatchMachine, 'delete', dispatchCapacities(actorOf(ctx), d), d);
  const row = await repo.updateDispatch(ctx.db, id, version, { deletedAt: ctx.now });
  if (!row) throw conflict();
  await recordAudit(ctx, { type: 'dispatch.deleted', entity: 'dispatch', entityId: id, before: d });
}

/** Who is told of an issued list: the leader, or the unit's principal and liaison (and, 双向抄告, its leader). */
async function recipientPeople(ctx: Ctx, d: repo.DispatchRow) {
  if (d.recipientPersonId) return { to: [d.recipientPersonId], copy: [] as string[] };
  const c = (await org.unitContactsForSystem(ctx.db, [d.unitId as string])).get(d.unitId as string);
  const to = [c?.principalPersonId, c?.liaisonPersonId].filter((x): x is string => !!x);
  return { to, copy: c?.leaderPersonId ? [c.leaderPersonId] : [] };
}

/** issue (派发), receive (签收), close (办结). */
export async function fireDispatchEvent(ctx: Ctx, id: string, input: TDispatchEvent) {
  const d = await loadDispatch(ctx, id);
  await fireTransition(ctx, {
    machine: dispatchMachine,
    row: d,
    capacities: dispatchCapacities(actorOf(ctx), d),
    event: input.type,
    version: input.version,
    comment: input.comment,
    apply: () =>
      input.type === 'issue'
        ? {
            patch: { issuedOn: today(ctx) },
            after: async (row) => {
              await DISPATCH_SHEET.issue(ctx, row);
              const { to, copy } = await recipientPeople(ctx, row);
              const body = `${row.title}（${row.code}），请按期履责并记录履责纪实。`;
              await notify(ctx, {
                personIds: to,
                kind: 'dispatch.issued',
                title: `【${DISPATCH_KINDS[row.kind as DispatchKind]}】${row.title}`,
                body,
                link: `/responsibility/dispatches/${row.id}`,
                entity: { type: 'dispatch', id: row.id },
              });
              if (copy.length) {
                await notify(ctx, {
                  personIds: copy,
                  kind: 'dispatch.copied',
                  title: `【抄告】${row.title}`,
                  body,
                  link: `/responsibility/dispatches/${row.id}`,
                  entity: { type: 'dispatch', id: row.id },
                });
              }
            },
          }
        : {},
    update: (patch, version) => repo.updateDispatch(ctx.db, id, version, patch),
    record: (e) => repo.insertEvent(ctx.db, { dispatchId: id, ...e }),
    audit: { type: 'dispatch.event', entity: 'dispatch', entityId: id },
  });
  return getDispatch(ctx, id);
}

/** Frequencies of the catalogue that belong in a quarter's list. */
export const quarterFrequencies = (quarter: number) => [
  'quarterly',
  'monthly',
  ...(quarter % 2 === 0 ? ['half_yearly'] : []),
  ...(quarter === 4 ? ['yearly'] : []),
];

/** The quarter's list for every county leader at once, from the catalogue (one INSERT…SELECT). */
export async function generateQuarter(ctx: Ctx, input: TGenerateQuarter) {
  const a = actorOf(ctx);
  if (!a.permissions.has('responsibility:manage')) throw forbidden();
  const regionId = regionOf(ctx);
  const frequencies = quarterFrequencies(input.quarter);
  if ((await catalogueCount(ctx.db, regionId, input.subjectKind, frequencies)) === 0) {
    throw ruleViolation('CATALOGUE_EMPTY', '责任事项目录中没有该类责任主体的本季度事项，不能生成派单', 'subjectKind');
  }
  const issuedOn = today(ctx);
  const { deadline, rule } = input.deadline
    ? await deadlineOf(ctx, input.deadline, issuedOn)
    : { deadline: quarterEnd(input.year, input.quarter), rule: '' };
  const result = await generateSet(ctx.db, {
    regionId,
    year: input.year,
    quarter: input.quarter,
    subjectKind: input.subjectKind,
    frequencies,
    deadline,
    deadlineRule: rule,
    issuedOn,
    title: `${periodLabel(input.year, input.quarter)}主体责任清单`,
    userId: a.userId,
    actorName: a.displayName,
    at: ctx.now,
  });
  await DISPATCH_SHEET.issueAll(ctx, regionId, result.ids, { issuedOn });
  await recordAudit(ctx, {
    type: 'dispatch.generated',
    entity: 'dispatch',
    entityId: regionId,
    after: { year: input.year, quarter: input.quarter, dispatches: result.dispatches, items: result.items },
  });
  if (result.people.length) {
    await notify(ctx, {
      personIds: result.people,
      kind: 'dispatch.issued',
      title: `【季度派单】${periodLabel(input.year, input.quarter)}主体责任清单`,
      body: `${periodLabel(input.year, input.quarter)}主体责任清单已派发，请按期履责并记录履责纪实。`,
      link: '/responsibility/dispatches?mine=true',
    });
  }
  return { dispatches: result.dispatches, items: result.items };
}

/** 履责纪实 of one item: accepted whenever the list is out; after the deadline it is kept and marked late. */
export async function recordFulfilment(ctx: Ctx, id: string, itemId: string, input: TFulfilmentInput) {
  const a = actorOf(ctx);
  const d = await loadDispatch(ctx, id);
  requireTransition(dispatchMachine, 'fulfil', dispatchCapacities(a, d), d);
  const [item] = (await repo.itemsOf(ctx.db, [id])).filter((i) => i.id === itemId);
  if (!item) throw notFound('责任事项不存在');
  if (input.doneOn > today(ctx)) throw badRequest('FULFILMENT_FUTURE', '履责日期不能晚于今天', 'doneOn');
  const late = input.doneOn > item.deadline || today(ctx) > item.deadline;
  const row = await repo.insertFulfilment(ctx.db, {
    dispatchItemId: itemId,
    dispatchId: id,
    doneOn: input.doneOn,
    description: input.description,
    late,
    recordedByUserId: a.userId,
    recordedByName: a.displayName,
  });
  await repo.markFulfilled(ctx.db, itemId, input.doneOn, late);
  await recordAudit(ctx, { type: 'fulfilment.recorded', entity: 'dispatch', entityId: id, after: row });
  return getDispatch(ctx, id);
}

/** An evidence file of a fulfilment record (uploaded once, read by the report, spot checks and assessment). */
export async function uploadFulfilmentFile(ctx: Ctx, id: string, fulfilmentId: string, file: StoredFile) {
  const a = actorOf(ctx);
  const d = await loadDispatch(ctx, id);
  requireTransition(dispatchMachine, 'fulfil', dispatchCapacities(a, d), d);
  const f = await repo.getFulfilment(ctx.db, id, fulfilmentId);
  if (!f) throw notFound('履责记录不存在');
  const { createHash } = await import('node:crypto');
  return repo.insertFile(ctx.db, {
    fulfilmentId,
    dispatchId: id,
    name: file.name,
    mime: file.mime,
    size: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
    uploadedBy: a.userId,
  });
}

export async function getFulfilmentFile(ctx: Ctx, id: string, fileId: string) {
  await loadDispatch(ctx, id);
  const f = await repo.getFile(ctx.db, id, fileId);
  if (!f) throw notFound('文件不存在');
  return f;
}
