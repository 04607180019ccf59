import { useQuery } from '@tanstack/react-query';
import { Space, Tag } from 'antd';
import { useMemo } from 'react';
import { type UnitSummary, useAllUnits } from '../../../components/entity-selects';
import { api } from '../../../lib/api';
import type { ItemKind, MeetingState } from '../api/meetings';

const STATE_COLORS: Record<MeetingState, string> = { scheduled: 'processing', held: 'gold', closed: 'success' };
const KIND_COLORS: Record<ItemKind, string> = { warning: 'volcano', dispute: 'purple', other: 'default' };

export function MeetingStateTag({ state, label }: { state: MeetingState; label: string }) {
  return <Tag color={STATE_COLORS[state] ?? 'default'}>{label}</Tag>;
}

export function ItemKindTag({ kind, label }: { kind: ItemKind; label: string }) {
  return <Tag color={KIND_COLORS[kind] ?? 'default'}>{label}</Tag>;
}

export interface UnitWithCode extends UnitSummary {
  code?: string;
}

/** id → unit of every unit the caller can see. */
export function useUnitMap(): Map<string, UnitWithCode> {
  const { data } = useAllUnits<UnitWithCode>();
  return useMemo(() => new Map((data?.items ?? []).map((u) => [u.id, u])), [data]);
}

const shortName = (u: UnitWithCode | undefined) => (u ? u.shortName || u.name : '—');

export function UnitName({ id }: { id: string | null | undefined }) {
  const units = useUnitMap();
  return <>{id ? shortName(units.get(id)) : '—'}</>;
}

/** Member units as tags; units outside the caller's scope (a joint member sees only its own) are counted. */
export function UnitTags({ ids }: { ids: string[] }) {
  const units = useUnitMap();
  const known = ids.filter((id) => units.has(id));
  const others = ids.length - known.length;
  return (
    <Space size={[0, 4]} wrap>
      {known.map((id) => (
        <Tag key={id}>{shortName(units.get(id))}</Tag>
      ))}
      {others && units.size ? <Tag>{known.length ? `等 ${ids.length} 个单位` : `${others} 个单位`}</Tag> : null}
    </Space>
  );
}

export function PersonName({ id }: { id: string | null | undefined }) {
  const { data } = useQuery({
    queryKey: ['people', id ?? ''],
    queryFn: ({ signal }) => api<{ id: string; name: string }>(`/people/${id}`, { signal }),
    enabled: !!id,
    staleTime: 60_000,
    meta: { silent: true },
  });
  if (!id) return <>—</>;
  return <>{data?.name ?? '…'}</>;
}
