/**
 * 落实情况季度报告 (SPEC M2): one per recipient and quarter, assembled when read from the quarter's dispatched
 * items and their fulfilment records (nothing typed twice); submitted by the recipient, approved or returned
 * by the unit head (a unit's report) or the office (a county leader's).
 */
import { type SQL, and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { updateAtVersion } from '../../platform/db/versioned.js';
import {
  DISPATCH_KINDS,
  type DispatchKind,
  REPORT_STATES,
  type ReportState,
  periodLabel,
  quarterEnd,
} from '../../../common/responsibility.js';
import { REPORT_ACTIONS } from '../../../common/responsibility.states.js';
import type { TCreateReport, TListReports, TReportEvent } from '../../../common/responsibility.schema.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, type Scope, actorOf, regionOf } from '../../platform/context.js';
import type { Executor } from '../../platform/db/client.js';
import { selectPage } from '../../platform/db/paging.js';
import { badRequest, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import { actionsOf, fireTransition, createdEvent, requireComment } from '../../platform/workflow/machine.js';
import { notify } from '../notifications/notifications.service.js';
import * as org from '../org/org.service.js';
import { isRecipient, reportCapacities } from './responsibility.policy.js';
import { dispatchScope } from './responsibility.repository.js';
import { seesReportVerdicts } from './responsibility.spot-checks.states.js';
import { reportMachine } from './responsibility.states.js';
import {
  dispatchItems,
  dispatches,
  fulfilmentFiles,
  fulfilments,
  responsibilityReportEvents,
  responsibilityReports,
} from './responsibility.tables.js';

type ReportRow = typeof responsibilityReports.$inferSelect;
const FALSE = sql`false`;

function reportScope(scope: Scope): SQL {
  if (!scope.regionId) return FALSE;
  const visible = scope.allUnits
    ? undefined
    : or(
        scope.unitIds.length ? inArray(responsibilityReports.unitId, scope.unitIds) : FALSE,
        scope.personId ? eq(responsibilityReports.recipientPersonId, scope.personId) : FALSE,
      );
  return and(eq(responsibilityReports.regionId, scope.regionId), visible) as SQL;
}

async function present(ctx: Ctx, rows: ReportRow[]) {
  const a = actorOf(ctx);
  const people = await org.personNames(
    ctx.db,
    rows.flatMap((r) => r.recipientPersonId ?? []),
  );
  const units = await org.unitNames(
    ctx.db,
    rows.flatMap((r) => r.unitId ?? []),
  );
  return rows.map((r) => ({
    ...r,
    periodLabel: periodLabel(r.year, r.quarter),
    recipientName:
      r.recipientKind === 'leader'
        ? (people.get(r.recipientPersonId ?? '') ?? '')
        : `${units.get(r.unitId ?? '') ?? ''}${r.recipientKind === 'leadership' ? '领导班子' : ''}`,
    stateLabel: REPORT_STATES[r.state as ReportState],
    actions: actionsOf(reportMachine, reportCapacities(a, r), r),
  }));
}

export async function listReports(ctx: Ctx, f: TListReports) {
  const where = and(
    reportScope(actorOf(ctx).scope),
    f.year ? eq(responsibilityReports.year, f.year) : undefined,
    f.quarter ? eq(responsibilityReports.quarter, f.quarter) : undefined,
    f.state ? eq(responsibilityReports.state, f.state) : undefined,
    f.unitId ? eq(responsibilityReports.unitId, f.unitId) : undefined,
  );
  const { items, total } = await selectPage(
    ctx.db,
    responsibilityReports,
    where,
    [desc(responsibilityReports.year), desc(responsibilityReports.quarter), asc(responsibilityReports.id)],
    f,
  );
  return { items: await present(ctx, items), total };
}

export async function loadReport(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(responsibilityReports)
    .where(and(reportScope(actorOf(ctx).scope), eq(responsibilityReports.id, id)));
  if (!row) throw notFound('季度报告不存在或无权查看');
  return row;
}

/** The quarter's items of the report's recipient (its issued lists), with their fulfilment records. */
export async function assembledItems(db: Executor, scope: Scope, r: ReportRow) {
  const start = `${r.year}-${String(r.quarter * 3 - 2).padStart(2, '0')}-01`;
  const ofRecipient =
    r.recipientKind === 'leader'
      ? and(eq(dispatches.recipientKind, 'leader'), eq(dispatches.recipientPersonId, r.recipientPersonId ?? ''))
      : and(ne(dispatches.recipientKind, 'leader'), eq(dispatches.unitId, r.unitId ?? ''));
  const items = await db
    .select({
      id: dispatchItems.id,
      dispatchId: dispatches.id,
      dispatchCode: dispatches.code,
      kind: dispatches.kind,
      content: dispatchItems.content,
      target: dispatchItems.target,
      deadline: dispatchItems.deadline,
      fulfilledOn: dispatchItems.fulfilledOn,
      late: dispatchItems.late,
    })
    .from(dispatchItems)
    .innerJoin(dispatches, eq(dispatches.id, dispatchItems.dispatchId))
    .where(
      and(
        dispatchScope(scope),
        ofRecipient,
        ne(dispatches.state, 'draft'),
        eq(dispatches.year, r.year),
        or(
          eq(dispatches.quarter, r.quarter),
          and(
            isNull(dispatches.quarter),
            sql`${dispatchItems.deadline} BETWEEN ${start} AND ${quarterEnd(r.year, r.quarter)}`,
          ),
        ),
      ),
    )
    .orderBy(asc(dispatches.code), asc(dispatchItems.sortOrder));
  const ids = items.map((i) => i.id);
  const records = ids.length
    ? await db
        .select()
        .from(fulfilments)
        .where(inArray(fulfilments.dispatchItemId, ids))
        .orderBy(asc(fulfilments.doneOn))
    : [];
  const files = records.length
    ? await db
        .select({ fulfilmentId: fulfilmentFiles.fulfilmentId, name: fulfilmentFiles.name })
        .from(fulfilmentFiles)
        .where(
          inArray(
            fulfilmentFiles.fulfilmentId,
            records.map((x) => x.id),
          ),
        )
    : [];
  return items.map((i) => ({
    dispatchId: i.dispatchId,
    dispatchCode: i.dispatchCode,
    kindLabel: DISPATCH_KINDS[i.kind as DispatchKind],
    content: i.content,
    target: i.target,
    deadline: i.deadline,
    fulfilledOn: i.fulfilledOn,
    late: i.late,
    records: records
      .filter((x) => x.dispatchItemId === i.id)
      .map((x) => ({
        doneOn: x.doneOn,
        /** When it was written down (a report read as submitted leaves out what came after). */
        recordedAt: x.createdAt,
        description: x.description,
        files: files.filter((f) => f.fulfilmentId === x.id).map((f) => f.name),
      })),
  }));
}

export async function getReport(ctx: Ctx, id: string) {
  const row = await loadReport(ctx, id);
  const [r] = await present(ctx, [row]);
  const items = await assembledItems(ctx.db, actorOf(ctx).scope, row);
  const events = await ctx.db
    .select()
    .from(responsibilityReportEvents)
    .where(eq(responsibilityReportEvents.reportId, id))
    .orderBy(asc(responsibilityReportEvents.at));
  return {
    ...r,
    // The report page asks for the verdicts only when it may see them (the same check answers that route).
    verdictsVisible: seesReportVerdicts(actorOf(ctx), row),
    items,
    totals: {
      items: items.length,
      fulfilled: items.filter((i) => i.fulfilledOn).length,
      onTime: items.filter((i) => i.fulfilledOn && i.fulfilledOn <= i.deadline).length,
    },
    events: events.map((e) => ({
      ...e,
      label: (REPORT_ACTIONS as Record<string, string>)[e.type] ?? (e.type === 'created' ? '起草报告' : e.type),
    })),
  };
}

/** The caller's report for a quarter: a county leader's own, or its unit's (liaison or head). */
export async function createReport(ctx: Ctx, input: TCreateReport) {
  const a = actorOf(ctx);
  const target =
    input.recipientKind === 'leader'
      ? { recipientKind: 'leader', recipientPersonId: a.personId, unitId: null }
      : { recipientKind: input.recipientKind, recipientPersonId: null, unitId: input.unitId };
  if (target.recipientKind !== 'leader' && !target.unitId) throw badRequest('UNIT_REQUIRED', '请选择单位', 'unitId');
  if (!isRecipient(a, target)) throw forbidden('只有责任主体本人或本单位可以起草季度报告');
  const regionId = regionOf(ctx);
  const [existing] = await ctx.db
    .select({ id: responsibilityReports.id })
    .from(responsibilityReports)
    .where(
      and(
        eq(responsibilityReports.regionId, regionId),
        eq(responsibilityReports.year, input.year),
        eq(responsibilityReports.quarter, input.quarter),
        eq(responsibilityReports.recipientKind, target.recipientKind),
        target.recipientPersonId
          ? eq(responsibilityReports.recipientPersonId, target.recipientPersonId)
          : eq(responsibilityReports.unitId, target.unitId as string),
      ),
    );
  if (existing) throw ruleViolation('REPORT_EXISTS', '本季度的落实情况报告已存在', 'quarter');
  const [row] = await ctx.db
    .insert(responsibilityReports)
    .values({ regionId, year: input.year, quarter: input.quarter, summary: input.summary, ...target })
    .returning();
  await ctx.db.insert(responsibilityReportEvents).values({ reportId: row.id, ...createdEvent(ctx, 'draft') });
  await recordAudit(ctx, {
    type: 'responsibility_report.created',
    entity: 'responsibility_report',
    entityId: row.id,
    after: row,
  });
  return getReport(ctx, row.id);
}

/** submit (提交), approve (审核通过), return (退回). */
export async function fireReportEvent(ctx: Ctx, id: string, input: TReportEvent) {
  const a = actorOf(ctx);
  const r = await loadReport(ctx, id);
  await fireTransition(ctx, {
    machine: reportMachine,
    row: r,
    capacities: reportCapacities(a, r),
    event: input.type,
    version: input.version,
    comment: input.comment,
    apply: async () => {
      if (input.type === 'submit') {
        const items = await assembledItems(ctx.db, a.scope, r);
        if (items.length === 0) throw ruleViolation('REPORT_EMPTY', '本季度没有派发的责任事项，无需报告');
        return { patch: { submittedAt: ctx.now, ...(input.summary !== undefined ? { summary: input.summary } : {}) } };
      }
      if (input.type === 'return') requireComment(input.comment, '退回理由');
      return input.type === 'approve' ? { patch: { approvedAt: ctx.now } } : {};
    },
    update: (patch, version) => updateAtVersion(ctx.db, responsibilityReports, id, version, patch),
    record: (e) => ctx.db.insert(responsibilityReportEvents).values({ reportId: id, ...e }),
    audit: { type: 'responsibility_report.event', entity: 'responsibility_report', entityId: id },
  });
  if (input.type === 'submit' && r.unitId) {
    const c = (await org.unitContactsForSystem(ctx.db, [r.unitId])).get(r.unitId);
    if (c?.principalPersonId) {
      await notify(ctx, {
        personIds: [c.principalPersonId],
        kind: 'responsibility_report.submitted',
        title: `【待审核】${periodLabel(r.year, r.quarter)}主体责任落实情况报告`,
        body: '本单位季度落实情况报告已提交，请审核。',
        link: `/responsibility/reports/${id}`,
      });
    }
  }
  return getReport(ctx, id);
}
