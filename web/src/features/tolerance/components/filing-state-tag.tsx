import { Tag } from 'antd';
import type { ToleranceState } from '../../../../../common/tolerance';

const COLORS: Record<ToleranceState, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'warning',
};

export function FilingStateTag({ state, label }: { state: ToleranceState; label: string }) {
  return <Tag color={COLORS[state]}>{label}</Tag>;
}
