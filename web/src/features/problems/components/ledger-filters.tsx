import { Button } from 'antd';
import { PROBLEM_COLORS, PROBLEM_SOURCES, PROBLEM_STATES } from '../../../../../common/problems';
import {
  ChoiceFilter,
  DateRangeFilter,
  FilterBar,
  PersonFilter,
  SearchFilter,
  UnitFilter,
} from '../../../components/list-filters';
import type { ListParams } from '../../../components/list-params';
import type { ProblemFilters } from '../api/problems';

/** The ledger's filters, in the URL (so the list, the statistics, the board and the export read the same). */
export const PROBLEM_FILTER_KEYS = [
  'unitId',
  'state',
  'color',
  'source',
  'category',
  'severity',
  'leaderPersonId',
  'q',
  'deadlineBefore',
  'deadlineAfter',
  'overdue',
  'listed',
  'pending',
] as const satisfies readonly (keyof ProblemFilters)[];

const YES_NO = { true: '是', false: '否' };

/** The filter bar of the ledger and of the board (which has a column per state, hence no state filter). */
export function LedgerFilters({
  list,
  showDrafts,
  showState = true,
}: {
  list: ListParams<ProblemFilters>;
  showDrafts: boolean;
  showState?: boolean;
}) {
  const states = Object.fromEntries(Object.entries(PROBLEM_STATES).filter(([s]) => showDrafts || s !== 'draft'));
  return (
    <FilterBar testId="problem-filters">
      <SearchFilter list={list} placeholder="编号、标题或描述关键词" width={220} />
      <UnitFilter list={list} placeholder="责任单位" width={180} />
      <ChoiceFilter list={list} name="source" label="问题来源" labels={PROBLEM_SOURCES} width={130} />
      <SearchFilter list={list} name="category" label="问题类别" placeholder="问题类别" width={140} />
      {showState ? <ChoiceFilter list={list} name="state" label="状态" labels={states} width={110} /> : null}
      <ChoiceFilter
        list={list}
        name="color"
        label="预警颜色"
        labels={{ ...PROBLEM_COLORS, none: '无预警' }}
        width={110}
      />
      <PersonFilter list={list} name="leaderPersonId" placeholder="分管县领导" width={150} />
      <DateRangeFilter
        list={list}
        label="整改时限"
        from="deadlineAfter"
        to="deadlineBefore"
        placeholder={['时限起', '时限止']}
        openEnded
      />
      <ChoiceFilter list={list} name="overdue" label="是否逾期" labels={YES_NO} width={100} />
      <ChoiceFilter list={list} name="listed" label="是否挂牌" labels={YES_NO} width={100} />
      <ChoiceFilter list={list} name="pending" label="待确认升级" labels={YES_NO} width={110} />
      <Button onClick={() => list.update({ filters: {} })}>重置</Button>
    </FilterBar>
  );
}
