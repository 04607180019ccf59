import { Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { PROBLEM_STATES, type ProblemState } from '../../../../../common/problems';
import { PageHeader } from '../../../components/page-header';
import { formatDate } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import { type Problem, type ProblemFilters, useProblems } from '../api/problems';
import { LedgerFilters, PROBLEM_FILTER_KEYS } from '../components/ledger-filters';
import { useListParams } from '../../../components/list-params';
import { COLOR_HEX, ProblemFlags } from '../components/problem-tags';
import { ProblemsNav } from '../components/problems-nav';

const COLUMN_SIZE = 50;
/** The board has a column per state: every ledger filter but the state. */
const BOARD_FILTER_KEYS = PROBLEM_FILTER_KEYS.filter((k) => k !== 'state');

function BoardCard({ problem }: { problem: Problem }) {
  const navigate = useNavigate();
  const border = problem.color ? COLOR_HEX[problem.color] : '#d9d9d9';
  return (
    <Card
      size="small"
      hoverable
      onClick={() => void navigate(`/problems/${problem.id}`)}
      style={{ borderLeft: `4px solid ${border}` }}
      data-testid="board-card"
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {problem.code}
      </Typography.Text>
      <div style={{ fontWeight: 500, margin: '2px 0' }}>{problem.title}</div>
      <div style={{ fontSize: 12, color: '#666' }}>{problem.unitName}</div>
      <Flex justify="space-between" align="center" style={{ marginTop: 4 }}>
        <span style={{ fontSize: 12, color: problem.overdue ? COLOR_HEX.red : '#666' }}>
          {problem.deadline ? `时限 ${formatDate(problem.deadline)}` : '未定时限'}
        </span>
        <ProblemFlags problem={problem} />
      </Flex>
    </Card>
  );
}

function BoardColumn({ state, filters }: { state: ProblemState; filters: ProblemFilters }) {
  const { data, isLoading } = useProblems({ ...filters, state, page: 1, pageSize: COLUMN_SIZE, sort: 'deadline' });
  const total = data?.total ?? 0;
  return (
    <div
      style={{ flex: '1 0 240px', minWidth: 240, background: '#f5f5f5', borderRadius: 6, padding: 8 }}
      data-testid={`board-column-${state}`}
    >
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{PROBLEM_STATES[state]}</Typography.Text>
        <Tag>{total}</Tag>
      </Flex>
      {isLoading ? <Spin style={{ display: 'block', margin: 24 }} /> : null}
      <Flex vertical gap={8} style={{ maxHeight: 'calc(100vh - 320px)', overflowY: 'auto' }}>
        {data?.items.map((p) => (
          <BoardCard key={p.id} problem={p} />
        ))}
        {!isLoading && total === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无问题" /> : null}
        {total > COLUMN_SIZE ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
            仅显示时限最近的 {COLUMN_SIZE} 项，共 {total} 项
          </Typography.Text>
        ) : null}
      </Flex>
    </div>
  );
}

/** 挂图作战: problems by state, coloured by deadline warning. */
export function BoardPage() {
  const canManage = usePermission('problems:manage');
  const list = useListParams<ProblemFilters>(BOARD_FILTER_KEYS);
  const { filters } = list;
  const states = (Object.keys(PROBLEM_STATES) as ProblemState[]).filter((s) => canManage || s !== 'draft');
  return (
    <>
      <PageHeader title="挂图作战" extra={<ProblemsNav />} />
      <LedgerFilters list={list} showDrafts={canManage} showState={false} />
      <Flex gap={12} style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="problem-board">
        {states.map((s) => (
          <BoardColumn key={s} state={s} filters={filters} />
        ))}
      </Flex>
    </>
  );
}
