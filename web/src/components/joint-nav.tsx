import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { usePermission } from '../lib/session';

/** Switches between 模拟问责单 (the warnings pages), 联席会议 and 数据统计. */
export function JointNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const canReadWarnings = usePermission('warnings:read');
  const canReadMeetings = usePermission('meetings:read');
  const canSeeFigures = usePermission('warnings:manage');
  const options = [
    ...(canReadWarnings ? [{ value: '/warnings', label: '模拟问责单' }] : []),
    ...(canReadMeetings ? [{ value: '/meetings', label: '联席会议' }] : []),
    ...(canSeeFigures ? [{ value: '/warnings/figures', label: '数据统计' }] : []),
  ];
  if (options.length < 2) return null;
  const value = pathname.startsWith('/meetings')
    ? '/meetings'
    : pathname.startsWith('/warnings/figures')
      ? '/warnings/figures'
      : '/warnings';
  return <Segmented options={options} value={value} onChange={(v) => void navigate(v)} />;
}
