import { Tag } from 'antd';
import { useMemo } from 'react';
import { DetailTable } from '../../../components/detail-table';
import { useAllUnits } from '../../../components/entity-selects';
import { type WarningPerson, whoLabel } from '../../../components/warning-facts';

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

/** 可能被问责人员. */
export function PeopleTable({ people, testId }: { people: WarningPerson[]; testId?: string }) {
  return (
    <DetailTable<WarningPerson>
      rowKey={(p) => `${p.personId}:${p.who}`}
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
