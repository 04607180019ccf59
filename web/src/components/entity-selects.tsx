import { useDebounced } from '../lib/use-debounced';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import type { ZGroup, ZPerson, ZUnit } from '../../../common/org.schema';
import type { Response } from '../../../common/zod';
import { api, type Page } from '../lib/api';
import { GROUP_KIND_LABELS } from '../lib/labels';

/** The fields of a unit, a person and a group the pickers need (GET /api/units, /people, /groups). */
export type UnitSummary = Pick<
  Response<typeof ZUnit>,
  'id' | 'parentId' | 'name' | 'shortName' | 'type' | 'typeLabel' | 'sortOrder'
>;
export type PersonSummary = Pick<Response<typeof ZPerson>, 'id' | 'name' | 'unitName' | 'post'>;
export type GroupSummary = Pick<Response<typeof ZGroup>, 'id' | 'kind' | 'name'>;

export const allUnitsQueryKey = ['units', 'all'] as const;

/** Every unit visible to the caller (the county has a few hundred at most); `enabled: false` waits. */
export function useAllUnits<T extends UnitSummary = UnitSummary>({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: allUnitsQueryKey,
    queryFn: ({ signal }) => api<Page<T>>('/units', { query: { page: 1, pageSize: 1000, sort: 'sortOrder' }, signal }),
    staleTime: 60_000,
    enabled,
  });
}

/**
 * For a picker that loads its options only once the user reaches for it (`lazy`): true from the first hover, focus
 * or opening on, or at once when not lazy. A list's filters use it, so a screen does not load every filter's
 * options on each visit (the unit tree alone is ≈ 1,000 rows).
 */
function useWanted(lazy: boolean | undefined) {
  const [wanted, setWanted] = useState(!lazy);
  const want = () => setWanted(true);
  return { wanted, reach: { onMouseEnter: want, onFocus: want, onOpenChange: (open: boolean) => open && want() } };
}

export interface TreeNode<T> {
  key: string;
  unit: T;
  children: TreeNode<T>[];
}

/** Build the unit forest from flat rows; orphans (parent outside scope) become roots. */
export function buildUnitTree<T extends UnitSummary>(units: T[]): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const u of units) nodes.set(u.id, { key: u.id, unit: u, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sortRec = (list: TreeNode<T>[]) => {
    list.sort(
      (a, b) => (a.unit.sortOrder ?? 0) - (b.unit.sortOrder ?? 0) || a.unit.name.localeCompare(b.unit.name, 'zh-CN'),
    );
    for (const n of list) sortRec(n.children);
  };
  sortRec(roots);
  return roots;
}

interface TreeSelectNode {
  value: string;
  title: string;
  children: TreeSelectNode[];
}

function toTreeSelect<T extends UnitSummary>(nodes: TreeNode<T>[]): TreeSelectNode[] {
  return nodes.map((n) => ({ value: n.unit.id, title: n.unit.name, children: toTreeSelect(n.children) }));
}

/** What the unit and the person pickers take alike, from a Form.Item or a list's filter. */
interface EntitySelectProps {
  /** Passed by Form.Item so the label points at the input. */
  id?: string;
  /** The accessible name where no label points at it (a list's filter). */
  'aria-label'?: string;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  /** Load the options only when the picker is reached for (a list's filter); a unit picker also when it has a value. */
  lazy?: boolean;
}

interface UnitSelectProps extends EntitySelectProps {
  allowClear?: boolean;
  excludeId?: string;
}

export function UnitSelect({
  id,
  'aria-label': ariaLabel,
  value,
  onChange,
  multiple,
  placeholder = '选择单位',
  allowClear = true,
  style,
  excludeId,
  lazy,
}: UnitSelectProps) {
  const { wanted, reach } = useWanted(lazy);
  const hasValue = Array.isArray(value) ? value.length > 0 : !!value;
  const { data, isLoading } = useAllUnits({ enabled: wanted || hasValue });
  const treeData = useMemo(
    () => toTreeSelect(buildUnitTree((data?.items ?? []).filter((u) => u.id !== excludeId))),
    [data, excludeId],
  );
  return (
    <TreeSelect
      id={id}
      aria-label={ariaLabel}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | string[] | undefined) ?? null)}
      treeData={treeData}
      multiple={multiple}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      placeholder={placeholder}
      loading={isLoading}
      notFoundContent={isLoading ? '加载中…' : undefined}
      {...reach}
      treeDefaultExpandAll
      style={{ width: '100%', ...style }}
      listHeight={360}
    />
  );
}

interface PersonSelectProps extends EntitySelectProps {
  /** Restrict the default list (before typing) to one unit. */
  unitId?: string;
}

const personLabel = (p: PersonSummary) => [p.name, p.unitName, p.post].filter(Boolean).join(' · ');

/**
 * Remote-search person picker; labels of already chosen people are fetched by id, unless `known` has them: the
 * people a record names come with it, and a record may name someone the reader cannot look up (a 派驻组 editing a
 * talk held by the commission's leaders), so its form passes them instead of asking for a 404.
 */
export function PersonSelect({
  id,
  'aria-label': ariaLabel,
  value,
  onChange,
  multiple,
  placeholder = '输入姓名搜索',
  unitId,
  style,
  lazy,
  known: given = [],
}: PersonSelectProps & { known?: (PersonSummary | null)[] }) {
  const [typed, setQ] = useState('');
  const q = useDebounced(typed);
  const { wanted, reach } = useWanted(lazy);
  const search = useQuery({
    enabled: wanted || q !== '',
    queryKey: ['people', 'select', unitId ?? null, q],
    queryFn: ({ signal }) =>
      api<Page<PersonSummary>>('/people', {
        query: { q, unitId: q ? undefined : unitId, page: 1, pageSize: 30 },
        signal,
      }),
    staleTime: 30_000,
  });
  const selected = value ? (Array.isArray(value) ? value : [value]) : [];
  const known = new Map(
    [...given.filter((p): p is PersonSummary => p !== null), ...(search.data?.items ?? [])].map((p) => [p.id, p]),
  );
  const missing = selected.filter((id) => !known.has(id));
  const lookups = useQueries({
    queries: missing.map((id) => ({
      queryKey: ['people', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api<PersonSummary>(`/people/${id}`, { signal }),
      staleTime: 60_000,
      meta: { silent: true },
    })),
  });
  for (const l of lookups) if (l.data) known.set(l.data.id, l.data);
  const options = [...known.values()].map((p) => ({ value: p.id, label: personLabel(p) }));
  for (const id of selected) if (!known.has(id)) options.push({ value: id, label: '（加载中）' });

  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      value={multiple ? selected : (selected[0] ?? undefined)}
      onChange={(v) => onChange?.((v as string | string[] | undefined) ?? null)}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={options}
      placeholder={placeholder}
      allowClear
      loading={search.isFetching}
      onClear={() => setQ('')}
      {...reach}
      style={{ width: '100%', ...style }}
      notFoundContent={search.isFetching || typed !== q ? '搜索中…' : '无匹配人员'}
    />
  );
}

export function useAllGroups() {
  return useQuery({
    queryKey: ['groups', 'all'],
    queryFn: ({ signal }) => api<Page<GroupSummary>>('/groups', { query: { page: 1, pageSize: 200 }, signal }),
    staleTime: 60_000,
  });
}

export function GroupSelect({
  value,
  onChange,
  placeholder = '选择工作组',
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
}) {
  const { data, isLoading } = useAllGroups();
  const options = (data?.items ?? []).map((g) => ({
    value: g.id,
    label: `${g.name}（${GROUP_KIND_LABELS[g.kind] ?? g.kind}）`,
  }));
  return (
    <Select
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={isLoading}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      placeholder={placeholder}
      style={{ width: '100%' }}
    />
  );
}
