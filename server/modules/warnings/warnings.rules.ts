import { type SQL, sql } from 'drizzle-orm';
import { RULE_FIELDS, type RuleField } from '../../../common/warnings.js';
import { z } from '../../../common/zod.js';
import { AppError } from '../../platform/errors.js';
import { personDirectory, unitDirectory } from '../org/org.directory.js';
import { type FactsOptions, factsSql, firstMeasureOwnerSql } from '../problems/problems.facts.js';

/**
 * Situations' rules are JSON condition trees over RULE_FIELDS, compiled to ONE set-based SQL
 * query per rule: every open problem's facts are computed on the scan date in SQL and the tree
 * becomes the WHERE clause. Adding a situation needs no code.
 */
export type RuleNode =
  | { all: RuleNode[] }
  | { any: RuleNode[] }
  | { not: RuleNode }
  | { field: RuleField; op: Op; value: number | string | boolean | string[] };
type Op = '>=' | '>' | '<=' | '<' | '=' | '!=' | 'in' | 'contains';

const FIELD_NAMES = Object.keys(RULE_FIELDS) as [RuleField, ...RuleField[]];
const NUMBER_OPS = ['>=', '>', '<=', '<', '=', '!='] as const;
const TEXT_OPS = ['=', '!=', 'in', 'contains'] as const;

const ZCondition = z.object({
  field: z.string(),
  op: z.enum(['>=', '>', '<=', '<', '=', '!=', 'in', 'contains']),
  value: z.union([z.number(), z.string(), z.boolean(), z.array(z.string()).max(50)]),
});
export const ZRule: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ZRule).min(1).max(20) }).strict(),
    z.object({ any: z.array(ZRule).min(1).max(20) }).strict(),
    z.object({ not: ZRule }).strict(),
    ZCondition.strict(),
  ]),
);

const invalid = (message: string) => new AppError(422, 'RULE_INVALID', message, { field: 'rule' });

/** Validates a rule tree: shape, known fields, operators and value types, with a Chinese message. */
export function parseRule(input: unknown, depth = 0): RuleNode {
  if (depth > 6) throw invalid('规则嵌套层级过深（最多6层）');
  const shape = ZRule.safeParse(input);
  if (!shape.success) throw invalid('规则格式不正确：应为 {all:[…]}、{any:[…]}、{not:…} 或 {field, op, value}');
  const node = input as Record<string, unknown>;
  if ('all' in node) return { all: (node.all as unknown[]).map((n) => parseRule(n, depth + 1)) };
  if ('any' in node) return { any: (node.any as unknown[]).map((n) => parseRule(n, depth + 1)) };
  if ('not' in node) return { not: parseRule(node.not, depth + 1) };
  const c = node as { field: string; op: Op; value: unknown };
  if (!FIELD_NAMES.includes(c.field as RuleField)) {
    throw invalid(`规则中的字段“${c.field}”不存在。可用字段：${FIELD_NAMES.join('、')}`);
  }
  const field = c.field as RuleField;
  const { type, label } = RULE_FIELDS[field];
  if (type === 'number' && (!(NUMBER_OPS as readonly string[]).includes(c.op) || typeof c.value !== 'number')) {
    throw invalid(`字段“${label}”是数值，运算符应为 ${NUMBER_OPS.join(' ')}，值应为数字`);
  }
  if (type === 'boolean' && (!['=', '!='].includes(c.op) || typeof c.value !== 'boolean')) {
    throw invalid(`字段“${label}”是是/否，运算符应为 = 或 !=，值应为 true 或 false`);
  }
  if (type === 'text') {
    if (!(TEXT_OPS as readonly string[]).includes(c.op))
      throw invalid(`字段“${label}”是文本，运算符应为 ${TEXT_OPS.join(' ')}`);
    if (c.op === 'in' ? !Array.isArray(c.value) : typeof c.value !== 'string') {
      throw invalid(`字段“${label}”的值应为${c.op === 'in' ? '文本列表' : '文本'}`);
    }
  }
  return { field, op: c.op, value: c.value as never };
}

/** The fields a rule refers to (only these are computed by its query). */
export function fieldsOf(rule: RuleNode, out = new Set<RuleField>()): Set<RuleField> {
  if ('all' in rule) for (const n of rule.all) fieldsOf(n, out);
  else if ('any' in rule) for (const n of rule.any) fieldsOf(n, out);
  else if ('not' in rule) fieldsOf(rule.not, out);
  else out.add(rule.field);
  return out;
}

export function conditionSql(rule: RuleNode): SQL {
  if ('all' in rule) return sql`(${sql.join(rule.all.map(conditionSql), sql` AND `)})`;
  if ('any' in rule) return sql`(${sql.join(rule.any.map(conditionSql), sql` OR `)})`;
  if ('not' in rule) return sql`(NOT ${conditionSql(rule.not)})`;
  const col = sql.identifier(rule.field);
  const value = rule.value;
  switch (rule.op) {
    case 'in':
      return sql`(f.${col} IN (${sql.join(
        (value as string[]).map((v) => sql`${v}`),
        sql`, `,
      )}))`;
    case 'contains':
      return sql`(position(${value as string} in f.${col}) > 0)`;
    case '!=':
      return sql`(f.${col} IS DISTINCT FROM ${value})`;
    default:
      return sql`(f.${col} ${sql.raw(rule.op)} ${value})`;
  }
}

export type RuleQueryOptions = FactsOptions & { regionId: string };

/** `SELECT … FROM <facts> f WHERE <rule>`: the rows a rule fires on, with the facts it used (`facts` jsonb). */
export function hitsFrom(rule: RuleNode, facts: SQL): SQL {
  const fields = [...fieldsOf(rule)];
  const used = sql`jsonb_build_object(${sql.join(
    fields.map((f) => sql`${f}::text, f.${sql.identifier(f)}`),
    sql`, `,
  )})`;
  return sql`SELECT f.problem_id, f.region_id, f.unit_id, f.code, f.title, f.responsible_id, f.leader_id, ${used} AS facts,
    f.unscheduled_years FROM ${facts} f WHERE ${conditionSql(rule)}`;
}

/** One rule over freshly computed facts (preview, what-if). */
export function ruleHitsSql(rule: RuleNode, o: RuleQueryOptions): SQL {
  return hitsFrom(rule, sql`(${factsSql([...fieldsOf(rule)], o)})`);
}

/**
 * The would-be accountable people of each row of `rows` (hit rows: problem_id, unit_id, responsible_id, leader_id),
 * from the situation's responsible roles: `(problem_id, people jsonb)`, one row per problem with anybody to name.
 * Set-based: joined once for all of a scan's new warnings (a subquery per warning cost ≈ 20 µs each).
 */
export function peopleOfRows(rows: SQL, roles: unknown): SQL {
  // One entry per person: when the unit head is also the responsible person, the first role listed wins.
  return sql`SELECT x.problem_id, jsonb_agg(x.person ORDER BY x.ord) AS people FROM (
      SELECT DISTINCT ON (h.problem_id, pp.id) h.problem_id, r.ord, jsonb_build_object('personId', pp.id,
        'name', pp.name, 'post', pp.post, 'who', r.role->>'who', 'responsibility', r.role->>'responsibility',
        'duty', r.role->>'duty') AS person
      FROM ${rows} h
      LEFT JOIN ${unitDirectory('u')} ON u.id = h.unit_id
      CROSS JOIN jsonb_array_elements(${JSON.stringify(roles)}::jsonb) WITH ORDINALITY AS r(role, ord)
      JOIN ${personDirectory('pp')} ON pp.id = CASE r.role->>'who'
        WHEN 'unit_principal' THEN u.principal_person_id
        WHEN 'responsible_person' THEN h.responsible_id
        WHEN 'measure_owner' THEN ${firstMeasureOwnerSql(sql`h.problem_id`)}
        WHEN 'county_leader' THEN h.leader_id END
      ORDER BY h.problem_id, pp.id, r.ord) x
    GROUP BY x.problem_id`;
}
