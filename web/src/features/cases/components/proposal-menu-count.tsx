import { Badge } from 'antd';
import { usePermission } from '../../../lib/session';
import { usePendingProposalCount } from '../api/proposals';

/** The menu's count of 问责建议 waiting for the case office and the commission leaders. */
export function ProposalMenuCount() {
  const intake = usePermission('cases:manage');
  const { data } = usePendingProposalCount(intake);
  return data ? <Badge count={data} size="small" offset={[6, -2]} title={`${data} 条问责建议待受理`} /> : null;
}
