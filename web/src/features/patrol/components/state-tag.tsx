import { type TableColumnType, Tag } from 'antd';

const COLORS: Record<string, string> = {
  draft: 'default',
  issued: 'blue',
  in_progress: 'processing',
  reported: 'gold',
  completed: 'green',
  cancelled: 'default',
  submitted: 'orange',
  escalated: 'red',
  dispatched: 'blue',
  merged: 'default',
  closed: 'green',
  approved: 'cyan',
  published: 'green',
};

export function StateTag({ state, label, testId }: { state: string; label: string; testId?: string }) {
  return (
    <Tag color={COLORS[state] ?? 'default'} data-testid={testId}>
      {label}
    </Tag>
  );
}

/** The 状态 column of a patrol list. */
export const stateColumn = <T extends { state: string; stateLabel: string }>(): TableColumnType<T> => ({
  title: '状态',
  dataIndex: 'state',
  width: 90,
  render: (_: string, r) => <StateTag state={r.state} label={r.stateLabel} />,
});
