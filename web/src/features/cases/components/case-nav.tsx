import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { usePermission } from '../../../lib/session';
import { usePendingProposalCount } from '../api/proposals';

/** Switches between the case pages a case officer uses. */
export function CaseNav() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const manage = usePermission('cases:manage');
  const influence = usePermission('influence:read');
  const pending = usePendingProposalCount(manage).data ?? 0;
  const options = [
    { label: '问责案件', value: '/cases' },
    ...(manage
      ? [
          { label: pending ? `问责建议（${pending}）` : '问责建议', value: '/cases/proposals' },
          { label: '案件评查', value: '/cases/evaluations' },
          { label: '统计', value: '/cases/figures' },
        ]
      : []),
    ...(influence ? [{ label: '影响期', value: '/influence-periods' }] : []),
  ];
  return <Segmented options={options} value={pathname} onChange={(v) => void navigate(String(v))} />;
}
