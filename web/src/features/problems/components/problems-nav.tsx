import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { usePermission } from '../../../lib/session';

/** Switches between 台账, 挂图作战, 共性问题 and (for managers) 预警设置. */
export function ProblemsNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const canManage = usePermission('problems:manage');
  const options = [
    { value: '/problems', label: '台账' },
    { value: '/problems/board', label: '挂图作战' },
    { value: '/problems/groups', label: '共性问题' },
    ...(canManage ? [{ value: '/problems/settings', label: '预警设置' }] : []),
  ];
  const value = options.find((o) => o.value !== '/problems' && pathname.startsWith(o.value))?.value ?? '/problems';
  return <Segmented options={options} value={value} onChange={(v) => void navigate(v)} />;
}
