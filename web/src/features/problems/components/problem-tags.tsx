import { Badge, Space, Tag } from 'antd';
import { ESCALATION_LEVELS, PROBLEM_COLORS, type ProblemColor } from '../../../../../common/problems';
import type { Problem } from '../api/problems';

/** SPEC 2b escalation colours. */
export const COLOR_HEX: Record<ProblemColor, string> = { blue: '#1677ff', yellow: '#faad14', red: '#f5222d' };

const STATE_COLORS: Record<string, string> = {
  draft: 'default',
  dispatched: 'processing',
  rectifying: 'blue',
  close_requested: 'gold',
  closed: 'success',
};

export function ColorDot({ color }: { color: ProblemColor | null }) {
  if (!color) return <span style={{ color: '#999' }}>—</span>;
  return <Badge color={COLOR_HEX[color]} text={PROBLEM_COLORS[color]} />;
}

export function StateTag({ state, label }: { state: string; label: string }) {
  return <Tag color={STATE_COLORS[state] ?? 'default'}>{label}</Tag>;
}

export const escalationLabel = (level: number) => ESCALATION_LEVELS[level as 1 | 2 | 3 | 4] ?? '';

/** 逾期 / 挂牌督办 / 紧急 / 反弹 / escalation level next to a problem. */
export function ProblemFlags({ problem }: { problem: Problem }) {
  return (
    <Space size={4} wrap>
      {problem.overdue ? <Tag color="red">逾期</Tag> : null}
      {problem.listed ? <Tag color="volcano">挂牌</Tag> : null}
      {problem.urgent ? <Tag color="magenta">紧急</Tag> : null}
      {problem.reopenCount > 0 ? <Tag color="purple">反弹</Tag> : null}
      {problem.escalationLevel > 0 && !(problem.listed && problem.escalationLevel === 3) ? (
        <Tag color="orange">{escalationLabel(problem.escalationLevel)}</Tag>
      ) : null}
    </Space>
  );
}
