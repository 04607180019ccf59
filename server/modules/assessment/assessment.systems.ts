import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { updateAtVersion } from '../../platform/db/versioned.js';
import {
  METRICS,
  type MetricKey,
  SCORING_METHODS,
  SUBJECT_KINDS,
  type ScoringMethod,
  type SubjectKind,
} from '../../../common/assessment.js';
import type {
  TCreateIndicator,
  TCreateSystem,
  TListSystems,
  TUpdateIndicator,
} from '../../../common/assessment.schema.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, regionOf } from '../../platform/context.js';
import { badRequest, conflict, notFound, ruleViolation } from '../../platform/errors.js';
import { indicatorSystems, indicators } from './assessment.tables.js';
import { TEMPLATES, type TemplateIndicator } from './assessment.templates.js';

type IndicatorRow = typeof indicators.$inferSelect;

export const listTemplates = () =>
  TEMPLATES.map(({ key, name, unitType, subjectKind, description }) => ({
    key,
    name,
    unitType,
    subjectKind,
    description,
  }));

const presentIndicator = (i: IndicatorRow) => ({
  ...i,
  methodLabel: SCORING_METHODS[i.method as ScoringMethod] ?? i.method,
  metricLabel: i.metric ? (METRICS[i.metric as MetricKey]?.label ?? i.metric) : null,
  metricDoc: i.metric ? (METRICS[i.metric as MetricKey]?.doc ?? null) : null,
});

const inRegion = (ctx: Ctx) => and(eq(indicatorSystems.regionId, regionOf(ctx)), isNull(indicatorSystems.deletedAt));

async function indicatorsOf(ctx: Ctx, systemId: string) {
  return ctx.db
    .select()
    .from(indicators)
    .where(eq(indicators.systemId, systemId))
    .orderBy(asc(indicators.level), asc(indicators.seq));
}

/** Leaves' weights: what a unit can score at most (bonuses aside). */
const totalOf = (rows: IndicatorRow[]) => rows.filter((i) => i.method !== 'group').reduce((s, i) => s + i.weight, 0);

export async function listSystems(ctx: Ctx, f: TListSystems) {
  const w = and(inRegion(ctx), f.year ? eq(indicatorSystems.year, f.year) : undefined);
  const rows = await ctx.db
    .select({
      s: indicatorSystems,
      total: sql<number>`(SELECT COALESCE(sum(weight), 0)::float FROM indicators i
        WHERE i.system_id = ${indicatorSystems.id} AND i.method <> 'group')`,
    })
    .from(indicatorSystems)
    .where(w)
    .orderBy(desc(indicatorSystems.year), asc(indicatorSystems.name), asc(indicatorSystems.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await ctx.db.select({ n: count() }).from(indicatorSystems).where(w);
  return { items: rows.map((r) => ({ ...r.s, totalWeight: Number(r.total) })), total: Number(n) };
}

export async function loadSystem(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(indicatorSystems)
    .where(and(inRegion(ctx), eq(indicatorSystems.id, id)));
  if (!row) throw notFound('指标体系不存在或无权查看');
  return row;
}

export async function getSystem(ctx: Ctx, id: string) {
  const s = await loadSystem(ctx, id);
  const rows = await indicatorsOf(ctx, id);
  return { ...s, totalWeight: totalOf(rows), indicators: rows.map(presentIndicator) };
}

/** Inserts a tree of template indicators (one statement per level: the ids of a level parent the next). */
async function insertTree(ctx: Ctx, systemId: string, tree: TemplateIndicator[]) {
  let level = tree.map((node, seq) => ({ node, seq, parentId: null as string | null }));
  for (let depth = 1; level.length > 0 && depth <= 3; depth++) {
    const rows = await ctx.db
      .insert(indicators)
      .values(
        level.map(({ node, seq, parentId }) => ({
          systemId,
          parentId,
          level: depth,
          seq,
          name: node.name,
          weight: node.children ? node.children.reduce((s, c) => s + c.weight, 0) : node.weight,
          method: node.children ? 'group' : (node.method ?? 'qualitative'),
          metric: node.metric ?? null,
          veto: node.veto ?? false,
          evaluators: node.evaluators ?? [],
          description: node.description ?? '',
        })),
      )
      .returning({ id: indicators.id });
    level = level.flatMap(({ node }, i) =>
      (node.children ?? []).map((c, seq) => ({ node: c, seq, parentId: rows[i].id })),
    );
  }
}

/** A new system, empty or from a shipped template. */
export async function createSystem(ctx: Ctx, input: TCreateSystem) {
  const template = input.templateKey ? TEMPLATES.find((t) => t.key === input.templateKey) : undefined;
  if (input.templateKey && !template) throw badRequest('TEMPLATE_NOT_FOUND', '模板不存在', 'templateKey');
  if (template && input.subjectKind && input.subjectKind !== template.subjectKind) {
    throw badRequest(
      'SUBJECT_KIND_MISMATCH',
      `该模板的考核对象为${SUBJECT_KINDS[template.subjectKind]}`,
      'subjectKind',
    );
  }
  const [row] = await ctx.db
    .insert(indicatorSystems)
    .values({
      regionId: regionOf(ctx),
      name: input.name,
      year: input.year,
      unitType: input.unitType ?? template?.unitType ?? null,
      subjectKind: input.subjectKind ?? template?.subjectKind ?? 'unit',
      templateKey: input.templateKey,
      description: input.description || template?.description || '',
    })
    .returning();
  if (template) await insertTree(ctx, row.id, template.indicators);
  const after = await getSystem(ctx, row.id);
  await recordAudit(ctx, { type: 'indicator_system.created', entity: 'indicator_system', entityId: row.id, after });
  return after;
}

/** Copies a system and its tree to another year (the next year's assessment starts from last year's). */
export async function copySystem(ctx: Ctx, id: string, year: number) {
  const s = await getSystem(ctx, id);
  const [row] = await ctx.db
    .insert(indicatorSystems)
    .values({
      regionId: s.regionId,
      name: s.name,
      year,
      unitType: s.unitType,
      subjectKind: s.subjectKind,
      templateKey: s.templateKey,
      description: s.description,
    })
    .returning();
  // Same tree, new ids: parents first (ordered by level), mapping old ids to new.
  const ids = new Map<string, string>();
  for (const level of [1, 2, 3]) {
    const rows = s.indicators.filter((i) => i.level === level);
    if (rows.length === 0) continue;
    const inserted = await ctx.db
      .insert(indicators)
      .values(
        rows.map((i) => ({
          systemId: row.id,
          parentId: i.parentId ? (ids.get(i.parentId) ?? null) : null,
          level: i.level,
          seq: i.seq,
          name: i.name,
          weight: i.weight,
          method: i.method,
          metric: i.metric,
          veto: i.veto,
          evaluators: i.evaluators,
          description: i.description,
        })),
      )
      .returning({ id: indicators.id });
    for (const [k, r] of rows.entries()) ids.set(r.id, inserted[k].id);
  }
  const after = await getSystem(ctx, row.id);
  await recordAudit(ctx, {
    type: 'indicator_system.copied',
    entity: 'indicator_system',
    entityId: row.id,
    before: { from: id },
    after,
  });
  return after;
}

/** A leaf's scoring is consistent, and its metric reads the data of the system's subjects (a unit's or a person's). */
function checkMethod(i: { method: string; metric: string | null; veto: boolean }, subjectKind: string) {
  if (i.method === 'metric' && !i.metric) throw badRequest('METRIC_REQUIRED', '系统数据计分须选择数据项', 'metric');
  const m = i.metric ? METRICS[i.metric as MetricKey] : undefined;
  if (m && m.subject !== subjectKind) {
    throw badRequest(
      'METRIC_SUBJECT_MISMATCH',
      `“${m.label}”不适用于考核对象为${SUBJECT_KINDS[subjectKind as SubjectKind] ?? subjectKind}的指标体系`,
      'metric',
    );
  }
  if (i.method !== 'metric' && i.metric)
    throw badRequest('METRIC_NOT_ALLOWED', '仅“系统数据自动计分”可选择数据项', 'metric');
  if (i.veto && (i.method !== 'metric' || !i.metric)) {
    throw badRequest('VETO_NEEDS_METRIC', '一票否决须对应系统数据项', 'veto');
  }
}

/** Editing bumps the system's version (the optimistic lock of the whole tree). */
async function bump(ctx: Ctx, systemId: string, version: number) {
  const row = await updateAtVersion(ctx.db, indicatorSystems, systemId, version, {}, undefined, ctx.now);
  if (!row) throw conflict();
}

export async function addIndicator(ctx: Ctx, systemId: string, input: TCreateIndicator & { version: number }) {
  const s = await getSystem(ctx, systemId);
  checkMethod(input, s.subjectKind);
  const parent = input.parentId ? s.indicators.find((i) => i.id === input.parentId) : undefined;
  if (input.parentId && !parent) throw badRequest('PARENT_NOT_FOUND', '上级指标不存在', 'parentId');
  if (parent && parent.level >= 3) throw ruleViolation('TOO_DEEP', '指标最多三级', 'parentId');
  if (parent && parent.method !== 'group')
    throw ruleViolation('PARENT_NOT_GROUP', '上级指标须为“汇总下级指标”', 'parentId');
  await bump(ctx, systemId, input.version);
  const siblings = s.indicators.filter((i) => i.parentId === (input.parentId ?? null));
  const { version: _, ...fields } = input;
  await ctx.db.insert(indicators).values({
    ...fields,
    systemId,
    level: parent ? parent.level + 1 : 1,
    seq: siblings.length,
  });
  return treeChanged(ctx, s);
}

export async function updateIndicator(ctx: Ctx, systemId: string, indicatorId: string, input: TUpdateIndicator) {
  const s = await getSystem(ctx, systemId);
  const before = s.indicators.find((i) => i.id === indicatorId);
  if (!before) throw notFound('指标不存在');
  const { version, ...patch } = input;
  const merged = { ...before, ...patch };
  checkMethod(merged, s.subjectKind);
  if (merged.method !== 'group' && s.indicators.some((i) => i.parentId === indicatorId)) {
    throw ruleViolation('HAS_CHILDREN', '有下级指标的指标只能“汇总下级指标”', 'method');
  }
  await bump(ctx, systemId, version);
  await ctx.db.update(indicators).set(patch).where(eq(indicators.id, indicatorId));
  return treeChanged(ctx, s);
}

/** Deletes an indicator with all its lower indicators (the page asks to confirm both). */
export async function deleteIndicator(ctx: Ctx, systemId: string, indicatorId: string, version: number) {
  const s = await getSystem(ctx, systemId);
  if (!s.indicators.some((i) => i.id === indicatorId)) throw notFound('指标不存在');
  const subtree = [indicatorId];
  for (let i = 0; i < subtree.length; i++)
    for (const child of s.indicators) if (child.parentId === subtree[i]) subtree.push(child.id);
  await bump(ctx, systemId, version);
  await ctx.db.delete(indicators).where(inArray(indicators.id, subtree));
  return treeChanged(ctx, s);
}

/** After an edit of the tree: the system as it is now, audited against how it was. */
async function treeChanged(ctx: Ctx, before: Awaited<ReturnType<typeof getSystem>>) {
  const after = await getSystem(ctx, before.id);
  await recordAudit(ctx, {
    type: 'indicator_system.changed',
    entity: 'indicator_system',
    entityId: before.id,
    before,
    after,
  });
  return after;
}
