import { RULE_SETS, type RuleCitation, type RuleItem, type RuleSetKey } from '../../../common/rules.js';
import {
  type ClockRules,
  type TListRuleSets,
  type TPublishRuleVersion,
  ZClockRules,
  ZRuleItems,
} from '../../../common/rules.schema.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, today } from '../../platform/context.js';
import type { Executor } from '../../platform/db/client.js';
import { badRequest, conflict, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import { RULES_V1 } from './rules.defaults.js';
import * as repo from './rules.repository.js';

/** The province default's scope; a region's own versions carry its id. */
export const PROVINCE = '';

export interface ResolvedRules {
  key: RuleSetKey;
  scope: string;
  version: number;
  effectiveFrom: string;
  source: string;
  reason: string;
  content: unknown;
  publishedByName: string;
  publishedAt: Date | null;
  builtIn: boolean;
}

const BUILT_IN_REASON = '初始版本：按现行党内法规和国家法律设置';

function builtIn(key: RuleSetKey): ResolvedRules {
  const v1 = RULES_V1[key];
  return {
    key,
    scope: PROVINCE,
    version: 1,
    effectiveFrom: v1.effectiveFrom,
    source: v1.source,
    reason: BUILT_IN_REASON,
    content: v1.content,
    publishedByName: '系统',
    publishedAt: null,
    builtIn: true,
  };
}

const fromRow = (r: repo.RuleVersionRow): ResolvedRules => ({
  key: r.key as RuleSetKey,
  scope: r.scope,
  version: r.version,
  effectiveFrom: r.effectiveFrom,
  source: r.source,
  reason: r.reason,
  content: r.content,
  publishedByName: r.publishedByName,
  publishedAt: r.publishedAt,
  builtIn: false,
});

/**
 * The version of `key` in force for a region on a day: the region's own (only where the law allows local
 * variation), else the province default, else version 1 as built in.
 */
export async function ruleInForce(db: Executor, key: RuleSetKey, regionId: string | null, on: string) {
  if (RULE_SETS[key].local && regionId) {
    const own = await repo.inForce(db, key, regionId, on);
    if (own) return fromRow(own);
  }
  const province = await repo.inForce(db, key, PROVINCE, on);
  return province ? fromRow(province) : builtIn(key);
}

/** A cited version, exactly as it was published (versions are immutable). */
export async function citedVersion(db: Executor, c: Pick<RuleCitation, 'key' | 'scope' | 'version'>) {
  const row = await repo.byVersion(db, c.key, c.scope, c.version);
  if (row) return fromRow(row);
  if (c.scope === PROVINCE && c.version === 1) return builtIn(c.key);
  throw notFound('规则版本不存在');
}

export const citationOf = (r: ResolvedRules): RuleCitation => ({
  key: r.key,
  scope: r.scope,
  version: r.version,
  effectiveFrom: r.effectiveFrom,
});

/** The items of a list set's version (situations, forms, circumstances, 容错 lists). */
export const itemsOf = (r: ResolvedRules): RuleItem[] => (r.content as { items?: RuleItem[] }).items ?? [];
export const clocksOf = (r: ResolvedRules): ClockRules => r.content as ClockRules;

/** 省级默认 or the region's name, for citations. */
export const scopeName = async (db: Executor, scope: string) =>
  scope === PROVINCE ? '省级默认' : (await repo.regionName(db, scope)) || '本地区';

/** The scope a caller reads and publishes: its region, or the province default for a province account. */
const callerScope = (ctx: Ctx) => ctx.actor?.scope.regionId ?? PROVINCE;

async function present(db: Executor, r: ResolvedRules) {
  return { ...r, scopeName: await scopeName(db, r.scope) };
}

/** Versions of the caller's scope and the province default, newest first (built-in version 1 included). */
async function historyOf(ctx: Ctx, key: RuleSetKey) {
  const scope = callerScope(ctx);
  const rows = (await repo.history(ctx.db, key, [...new Set([PROVINCE, scope])])).map(fromRow);
  if (!rows.some((r) => r.scope === PROVINCE && r.version === 1)) rows.push(builtIn(key));
  return Promise.all(rows.map(({ content: _, ...r }) => present(ctx.db, r as ResolvedRules)));
}

const latestOf = (history: { scope: string; version: number }[], scope: string) =>
  Math.max(0, ...history.filter((h) => h.scope === scope).map((h) => h.version));

const mayPublish = (ctx: Ctx, key: RuleSetKey) =>
  !!ctx.actor?.permissions.has('rules:write') && (RULE_SETS[key].local || callerScope(ctx) === PROVINCE);

/** GET /api/rules: every set (a page of them) as the caller's region has it in force today (or on `on`). */
export async function listRuleSets(ctx: Ctx, q: TListRuleSets) {
  const on = q.on ?? today(ctx);
  const keys = Object.keys(RULE_SETS) as RuleSetKey[];
  const start = (q.page - 1) * q.pageSize;
  const items = await Promise.all(
    keys.slice(start, start + q.pageSize).map(async (key) => {
      const { content: _, ...r } = await ruleInForce(ctx.db, key, callerScope(ctx), on);
      return {
        ...(await present(ctx.db, r as ResolvedRules)),
        label: RULE_SETS[key].label,
        local: RULE_SETS[key].local,
      };
    }),
  );
  return { items, total: keys.length };
}

/** GET /api/rules/{key}: the version in force, and the history of the caller's scope and the province. */
export async function getRuleSet(ctx: Ctx, key: RuleSetKey, on = today(ctx)) {
  const history = await historyOf(ctx, key);
  return {
    key,
    label: RULE_SETS[key].label,
    local: RULE_SETS[key].local,
    canPublish: mayPublish(ctx, key),
    inForce: await present(ctx.db, await ruleInForce(ctx.db, key, callerScope(ctx), on)),
    latestOwn: latestOf(history, callerScope(ctx)),
    history,
  };
}

/** GET /api/rules/{key}/versions/{version}: a version of the caller's scope, else of the province. */
export async function getRuleVersion(ctx: Ctx, key: RuleSetKey, version: number) {
  const scope = callerScope(ctx);
  const own = scope === PROVINCE ? null : await repo.byVersion(ctx.db, key, scope, version);
  return present(ctx.db, own ? fromRow(own) : await citedVersion(ctx.db, { key, scope: PROVINCE, version }));
}

/**
 * POST /api/rules/{key}/versions: publishes a new version of the caller's scope (a region where the law allows
 * local variation; the province otherwise). Immutable once written, effective from its date, audited.
 */
export async function publishRuleVersion(ctx: Ctx, key: RuleSetKey, input: TPublishRuleVersion) {
  const scope = callerScope(ctx);
  if (ctx.actor && !ctx.actor.permissions.has('rules:write')) throw forbidden();
  if (!RULE_SETS[key].local && scope !== PROVINCE) {
    throw ruleViolation('RULE_NOT_LOCAL', `“${RULE_SETS[key].label}”由党内法规和国家法律统一规定，地方不得调整`);
  }
  const content = checkContent(key, input.content);
  if (ctx.actor && input.effectiveFrom < today(ctx)) {
    throw badRequest('DATE_INVALID', '生效日期不能早于今天：已作出的决定以作出时施行的版本为准', 'effectiveFrom');
  }
  const history = await historyOf(ctx, key);
  const latest = latestOf(history, scope);
  if (input.basedOn !== latest) throw conflict('该规则已有新版本发布，请刷新后重试');
  const previous = history.find((h) => h.scope === scope && h.version === latest);
  if (previous && input.effectiveFrom < previous.effectiveFrom) {
    throw badRequest(
      'DATE_INVALID',
      `生效日期不能早于上一版本的生效日期（${previous.effectiveFrom}）`,
      'effectiveFrom',
    );
  }
  if (scope === PROVINCE && latest === 1 && previous?.builtIn) await materialiseV1(ctx.db, key);
  const [row] = await repo.insert(ctx.db, {
    key,
    scope,
    version: latest + 1,
    effectiveFrom: input.effectiveFrom,
    source: input.source,
    reason: input.reason,
    content,
    publishedBy: ctx.actor?.userId ?? null,
    publishedByName: ctx.actor?.displayName ?? '系统',
    publishedAt: ctx.now,
  });
  if (!row) throw conflict('该规则已有新版本发布，请刷新后重试');
  await recordAudit(ctx, {
    type: 'rules.published',
    entity: 'rule_set',
    entityId: `${key}:${scope || 'province'}:${row.version}`,
    before: previous ? { version: previous.version, effectiveFrom: previous.effectiveFrom } : null,
    after: {
      key,
      scope,
      version: row.version,
      effectiveFrom: row.effectiveFrom,
      source: row.source,
      reason: row.reason,
      content,
    },
  });
  return getRuleSet(ctx, key);
}

function checkContent(key: RuleSetKey, content: unknown): object {
  const parsed =
    key === 'clocks' ? ZClockRules.safeParse(content) : ZRuleItems.safeParse((content as { items?: unknown }).items);
  if (!parsed.success) throw badRequest('VALIDATION', parsed.error.issues[0]?.message ?? '规则内容不正确', 'content');
  if (key === 'clocks') return parsed.data as object;
  const items = parsed.data as RuleItem[];
  // National sets keep their keys: decisions and forms refer to them (a revised law adds, never renames).
  const v1 = itemsOf(builtIn(key)).map((i) => i.key);
  if (!RULE_SETS[key].local && v1.some((k) => !items.some((i) => i.key === k))) {
    throw badRequest('VALIDATION', '不能删除或改变已有条目的标识', 'content');
  }
  return { items };
}

/** Version 1 as a stored row, so that the history of the province is complete once it changes. */
async function materialiseV1(db: Executor, key: RuleSetKey) {
  const v1 = builtIn(key);
  await repo.insert(db, {
    key,
    scope: PROVINCE,
    version: 1,
    effectiveFrom: v1.effectiveFrom,
    source: v1.source,
    reason: v1.reason,
    content: v1.content,
    publishedByName: '系统',
  });
}

/** Demo seed: every set's version 1 as stored rows. */
export async function seedRulesV1(db: Executor) {
  for (const key of Object.keys(RULE_SETS) as RuleSetKey[]) await materialiseV1(db, key);
}

/** The 容错 lists in force for a region on a day (the positive and the negative list). */
export async function toleranceLists(db: Executor, regionId: string | null, on: string) {
  const [positive, negative] = await Promise.all([
    ruleInForce(db, 'tolerance_positive', regionId, on),
    ruleInForce(db, 'tolerance_negative', regionId, on),
  ]);
  return { positive, negative };
}

/**
 * A 容错 claim checked against the lists: an item of the negative list (不予容错情形) excludes it; it must name at
 * least one item of the positive list (容错情形), all of them in force.
 */
export function checkToleranceClaim(
  positive: ResolvedRules,
  negative: ResolvedRules,
  claim: { outcome?: string; positiveItems?: string[]; negativeItems?: string[] },
  who: string,
  field = 'determinations',
) {
  if (claim.outcome === 'none') return;
  const neg = itemsOf(negative).filter((i) => claim.negativeItems?.includes(i.key));
  if (neg.length) {
    throw ruleViolation(
      'TOLERANCE_EXCLUDED',
      `${who}属于不予容错情形（${neg.map((i) => i.text).join('；')}），不能容错`,
      field,
    );
  }
  const pos = itemsOf(positive).filter((i) => claim.positiveItems?.includes(i.key));
  if (pos.length === 0 || pos.length !== new Set(claim.positiveItems).size) {
    throw badRequest('TOLERANCE_ITEM_REQUIRED', `请选择${who}符合的容错情形（容错情形清单现行版本中的条目）`, field);
  }
}
