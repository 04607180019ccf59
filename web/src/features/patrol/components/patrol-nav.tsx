import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { usePermission } from '../../../lib/session';

/** The office and the patrol groups work inside the patrol module; everybody else reads its publications. */
export function useIsPatrolInsider() {
  const manage = usePermission('patrol:manage');
  const record = usePermission('patrol:record');
  return manage || record;
}

/** Sub-navigation of 督导巡查; wraps on a phone. */
export function PatrolNav() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const canRecord = usePermission('patrol:record');
  const insider = useIsPatrolInsider();
  // Units and other readers see only what was published to them (independence rule).
  const options = insider
    ? [
        { value: '/supervision', label: '任务交办' },
        ...(canRecord ? [{ value: '/supervision/record', label: '现场记录' }] : []),
        { value: '/supervision/findings', label: '督导发现' },
        { value: '/supervision/bulletins', label: '通报与案例' },
        { value: '/supervision/performance', label: '组绩效' },
      ]
    : [{ value: '/supervision/bulletins', label: '通报与案例' }];
  const current =
    [...options].sort((a, b) => b.value.length - a.value.length).find((o) => pathname.startsWith(o.value))?.value ??
    '/supervision';
  return (
    <Segmented
      data-testid="patrol-nav"
      options={options}
      value={current}
      onChange={(v) => void navigate(String(v))}
      style={{ maxWidth: '100%', overflowX: 'auto' }}
    />
  );
}
