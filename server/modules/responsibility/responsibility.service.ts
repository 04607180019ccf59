/**
 * 明责 (SPEC M2): the module's public surface. Other modules import only this file: the catalogue, dispatches
 * (responsibility.dispatch.ts), quarterly reports (responsibility.reports.ts), the figures and the year's
 * fulfilment per unit that the assessment module reads.
 */
import {
  FREQUENCIES,
  type Frequency,
  SUBJECT_DUTIES,
  SUBJECT_KINDS,
  type SubjectKind,
} from '../../../common/responsibility.js';
import type {
  TCreateResponsibilityItem,
  TListResponsibilityItems,
  TUpdateResponsibilityItem,
} from '../../../common/responsibility.schema.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf, regionOf } from '../../platform/context.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { Executor } from '../../platform/db/client.js';
import * as repo from './responsibility.repository.js';
import { fulfilmentByUnit } from './responsibility.sets.js';

export {
  createDispatch,
  deleteDispatch,
  fireDispatchEvent,
  generateQuarter,
  getDispatch,
  getFulfilmentFile,
  listDispatches,
  loadDispatch,
  recordFulfilment,
  uploadFulfilmentFile,
} from './responsibility.dispatch.js';
export { createReport, fireReportEvent, getReport, listReports } from './responsibility.reports.js';
export { readSource } from './responsibility.sources.js';
export { responsibilityFigures } from './responsibility.figures.js';
export { responsibilityYearEnd, yearEndRows } from './responsibility.year-end.js';

const catalogueActions = (ctx: Ctx) => (actorOf(ctx).permissions.has('responsibility:manage') ? ['update'] : []);

export function presentCatalogueItem(ctx: Ctx, r: repo.CatalogueRow) {
  return {
    ...r,
    subjectKindLabel: SUBJECT_KINDS[r.subjectKind as SubjectKind],
    duty: SUBJECT_DUTIES[r.subjectKind as SubjectKind],
    frequencyLabel: FREQUENCIES[r.frequency as Frequency],
    actions: catalogueActions(ctx),
  };
}

export async function listCatalogue(ctx: Ctx, f: TListResponsibilityItems) {
  const { items, total } = await repo.listCatalogue(ctx.db, regionOf(ctx), f);
  return { items: items.map((r) => presentCatalogueItem(ctx, r)), total };
}

export async function getCatalogueItem(ctx: Ctx, id: string) {
  const row = await repo.getCatalogueItem(ctx.db, regionOf(ctx), id);
  if (!row) throw notFound('责任事项不存在');
  return presentCatalogueItem(ctx, row);
}

export async function createCatalogueItem(ctx: Ctx, input: TCreateResponsibilityItem) {
  const [row] = await repo.insertCatalogue(ctx.db, [{ ...input, regionId: regionOf(ctx) }]);
  await recordAudit(ctx, {
    type: 'responsibility_item.created',
    entity: 'responsibility_item',
    entityId: row.id,
    after: row,
  });
  return presentCatalogueItem(ctx, row);
}

export async function updateCatalogueItem(ctx: Ctx, id: string, input: TUpdateResponsibilityItem) {
  const before = await getCatalogueItem(ctx, id);
  const { version, ...patch } = input;
  const row = await repo.updateCatalogue(ctx.db, id, version, patch);
  if (!row) throw conflict();
  await recordAudit(ctx, {
    type: 'responsibility_item.updated',
    entity: 'responsibility_item',
    entityId: id,
    before,
    after: row,
  });
  return presentCatalogueItem(ctx, row);
}

/**
 * For the assessment module (SPEC M6): per unit of `regionId`, the items of the year's issued unit and
 * leadership lists, how many have a fulfilment record and how many were fulfilled by their deadline.
 * Reads the whole region whatever the caller's scope: it is the assessment's input, not a user's list.
 */
export async function responsibilityFulfilmentByUnit(
  db: Executor,
  regionId: string,
  year: number,
): Promise<Array<{ unitId: string; itemsDue: number; itemsFulfilled: number; itemsOnTime: number }>> {
  const rows = await fulfilmentByUnit(db, regionId, year);
  return rows.map((r) => ({
    unitId: r.unit_id,
    itemsDue: Number(r.due),
    itemsFulfilled: Number(r.fulfilled),
    itemsOnTime: Number(r.on_time),
  }));
}
