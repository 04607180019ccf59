import { Select } from 'antd';
import { useAllGroups } from '../../../components/entity-selects';

/** One of the six supervision-patrol groups. */
export function PatrolGroupSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
}) {
  const { data, isLoading } = useAllGroups();
  const options = (data?.items ?? []).filter((g) => g.kind === 'patrol').map((g) => ({ value: g.id, label: g.name }));
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={isLoading}
      placeholder="选择督导巡查组"
      style={{ width: '100%' }}
    />
  );
}
