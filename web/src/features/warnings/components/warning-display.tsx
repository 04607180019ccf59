import { Segmented, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { UNIT_TYPE_LABELS } from '../../../../../common/org';
import { PROBLEM_SEVERITIES, PROBLEM_SOURCES, PROBLEM_STATES } from '../../../../../common/problems';
import { ARTICLE_7, RESPONSIBLE_WHO, RULE_FIELDS } from '../../../../../common/warnings';
import { useAllUnits } from '../../../components/entity-selects';
import type { Facts, WarningPerson } from '../api/warnings';

const STATE_COLORS: Record<string, string> = {
  pending_review: 'gold',
  issued: 'orange',
  rectifying: 'blue',
  resolved: 'success',
  escalated: 'red',
  dismissed: 'default',
};

export function WarningStateTag({ state, label }: { state: string; label: string }) {
  return <Tag color={STATE_COLORS[state] ?? 'default'}>{label}</Tag>;
}

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];

/** 第七条第（九）项 */
export const articleNo = (article: number | undefined) =>
  article ? `第七条第（${NUMERALS[article] ?? article}）项` : '—';

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
    <Table
      rowKey="field"
      size="small"
      pagination={false}
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

/** 可能被问责人员. */
export function PeopleTable({ people, testId }: { people: WarningPerson[]; testId?: string }) {
  return (
    <Table<WarningPerson>
      rowKey={(p) => `${p.personId}:${p.who}`}
      size="small"
      pagination={false}
      data-testid={testId}
      dataSource={people ?? []}
      locale={{ emptyText: '未匹配到人员（请核实单位主要负责人、责任人等信息）' }}
      columns={[
        { title: '姓名', dataIndex: 'name', width: 90 },
        { title: '职务', dataIndex: 'post', render: (v: string | null) => v || '—' },
        { title: '身份', dataIndex: 'who', render: (v: string) => whoLabel(v) },
        { title: '责任类型', dataIndex: 'responsibility', width: 110 },
        { title: '职责', dataIndex: 'duty', width: 90 },
      ]}
    />
  );
}

/** id → name of every unit the caller can see. */
export function useUnitNames(): Map<string, string> {
  const { data } = useAllUnits();
  return useMemo(() => new Map((data?.items ?? []).map((u) => [u.id, u.name])), [data]);
}

export function UnitName({ id }: { id: string }) {
  const names = useUnitNames();
  return <>{names.get(id) ?? '—'}</>;
}

/** Switches between 模拟问责单 and 情形目录. */
export function WarningsNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const value = pathname.startsWith('/warnings/situations') ? '/warnings/situations' : '/warnings';
  return (
    <Segmented
      options={[
        { value: '/warnings', label: '模拟问责单' },
        { value: '/warnings/situations', label: '情形目录' },
      ]}
      value={value}
      onChange={(v) => void navigate(v)}
    />
  );
}
