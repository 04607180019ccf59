import type { TableColumnType } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import type { Problem } from '../api/problems';
import { ColorDot, ProblemFlags, StateTag } from './problem-tags';

/** The columns a table of problems shows, each written once; a list adds its sorters and ellipses. */
export const problemColumns = {
  code: {
    title: '编号',
    dataIndex: 'code',
    width: 130,
    render: (v: string, p) => <Link to={`/problems/${p.id}`}>{v}</Link>,
  },
  title: { title: '问题', dataIndex: 'title', render: (v: string, p) => <Link to={`/problems/${p.id}`}>{v}</Link> },
  unit: { title: '责任单位', dataIndex: 'unitName', width: 150 },
  state: {
    title: '状态',
    dataIndex: 'state',
    width: 100,
    render: (_: string, p) => <StateTag state={p.state} label={p.stateLabel} />,
  },
  color: { title: '预警', dataIndex: 'color', width: 80, render: (_: string, p) => <ColorDot color={p.color} /> },
  deadline: {
    title: '整改时限',
    dataIndex: 'deadline',
    width: 140,
    render: (v: string | null) => (v ? formatDate(v) : '—'),
  },
  flags: { title: '标记', key: 'flags', width: 140, render: (_, p) => <ProblemFlags problem={p} /> },
} satisfies Record<string, TableColumnType<Problem>>;
