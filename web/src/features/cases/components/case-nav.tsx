import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { usePermission } from '../../../lib/session';
import { usePendingProposalCount } from '../api/proposals';

/** Switches between the case pages a case officer uses: only the ones the role may open (组织部 reads 影响期 alone). */
export function CaseNav() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const read = usePermission('cases:read');
  const manage = usePermission('cases:manage');
  const influence = usePermission('influence:read');
  const pending = usePendingProposalCount(manage).data ?? 0;
  const options = [
    ...(read ? [{ label: '问责案件', value: '/cases' }] : []),
    ...(manage
      ? [
          { label: pending ? `问责建议（${pending}）` : '问责建议', value: '/cases/proposals' },
          { label: '案件评查', value: '/cases/evaluations' },
          { label: '统计', value: '/cases/figures' },
        ]
      : []),
    ...(influence ? [{ label: '影响期', value: '/influence-periods' }] : []),
  ];
  if (options.length < 2) return null;
  return <Segmented options={options} value={pathname} onChange={(v) => void navigate(String(v))} />;
}
