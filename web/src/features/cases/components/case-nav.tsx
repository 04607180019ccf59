import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { usePermission } from '../../../lib/session';

/** Switches between the case pages a case officer uses. */
export function CaseNav() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const manage = usePermission('cases:manage');
  const influence = usePermission('influence:read');
  const options = [
    { label: '问责案件', value: '/cases' },
    ...(manage
      ? [
          { label: '案件评查', value: '/cases/evaluations' },
          { label: '统计', value: '/cases/figures' },
        ]
      : []),
    ...(influence ? [{ label: '影响期', value: '/influence-periods' }] : []),
  ];
  return <Segmented options={options} value={pathname} onChange={(v) => void navigate(String(v))} />;
}
