/**
 * How the facts of a (would-be) warning read: the article of the regulation, the forms of accountability, the
 * facts table and the people who would answer. Shared by the warnings pages and the what-if card on problems.
 */
import { Tag } from 'antd';
import { UNIT_TYPE_LABELS } from '../../../common/org';
import { PROBLEM_SEVERITIES, PROBLEM_SOURCES, PROBLEM_STATES } from '../../../common/problems';
import { ABUSE_SITUATION, itemNumeral, situationArticle } from '../../../common/rules';
import { ARTICLE_7, RESPONSIBLE_WHO, RULE_FIELDS } from '../../../common/warnings';
import type { TFacts, TWarningPerson } from '../../../common/warnings.schema';
import { DetailTable } from './detail-table';

/** A would-be accountable person of a warning (from the situation's responsible roles). */
export type WarningPerson = TWarningPerson;
/** The facts a rule used, by rule field. */
export type Facts = TFacts;

/** 第（九）项 (第二十一条 for abuse of accountability): the item of a 问责情形, as the regulation prints it. */
export const itemNo = (n: number) => (n === ABUSE_SITUATION ? situationArticle(n) : itemNumeral(n));

/** 第七条第（九）项 */
export const articleNo = (article: number | undefined) => (article ? situationArticle(article) : '—');

/** 第七条第（九）项：履行管理、监督职责不力… */
export const articleLabel = (article: number | undefined) =>
  article ? `${articleNo(article)}：${ARTICLE_7[article as keyof typeof ARTICLE_7] ?? ''}` : '—';

export const whoLabel = (who: string) => (RESPONSIBLE_WHO as Record<string, string>)[who] ?? who;

export const fieldLabel = (field: string) => (RULE_FIELDS as Record<string, { label: string }>)[field]?.label ?? field;

export const VALUE_LABELS: Record<string, Record<string, string>> = {
  severity: PROBLEM_SEVERITIES,
  state: PROBLEM_STATES,
  source: PROBLEM_SOURCES,
  unit_type: UNIT_TYPE_LABELS,
};

/** A fact's value as users read it (是/否, 严重, 一般…). */
export function factValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map((v) => factValue(field, v)).join('、');
  const s = String(value);
  return VALUE_LABELS[field]?.[s] ?? s;
}

export function FormsTags({ forms }: { forms: string[] }) {
  return (
    <>
      {forms.map((f) => (
        <Tag key={f} color="volcano">
          {f}
        </Tag>
      ))}
    </>
  );
}

/** Field label → value of the facts the rule used. */
export function FactsTable({ facts, testId }: { facts: Facts; testId?: string }) {
  const rows = Object.entries(facts ?? {}).map(([field, value]) => ({ field, value }));
  return (
    <DetailTable
      rowKey="field"
      data-testid={testId}
      dataSource={rows}
      locale={{ emptyText: '无' }}
      columns={[
        { title: '事实', dataIndex: 'field', render: (f: string) => fieldLabel(f) },
        { title: '值', dataIndex: 'value', width: 160, render: (v: unknown, r) => factValue(r.field, v) },
      ]}
    />
  );
}
