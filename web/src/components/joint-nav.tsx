import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { usePermission } from '../lib/session';

/**
 * The one set of tabs of the 模拟问责·联席会议 module, on every one of its pages: 模拟问责单, 情形目录, 联席会议 and
 * 数据统计, each only for a role that may open it (joint members read 联席会议 alone: no tabs).
 */
export function JointNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const canReadWarnings = usePermission('warnings:read');
  const canReadMeetings = usePermission('meetings:read');
  const canSeeFigures = usePermission('warnings:manage');
  const options = [
    ...(canReadWarnings
      ? [
          { value: '/warnings', label: '模拟问责单' },
          { value: '/warnings/situations', label: '情形目录' },
        ]
      : []),
    ...(canReadMeetings ? [{ value: '/meetings', label: '联席会议' }] : []),
    ...(canSeeFigures ? [{ value: '/warnings/figures', label: '数据统计' }] : []),
  ];
  if (options.length < 2) return null;
  // The longest tab path the page lies under (/warnings/situations/new → 情形目录).
  const value = options
    .map((o) => o.value)
    .filter((v) => pathname === v || pathname.startsWith(`${v}/`))
    .sort((a, b) => b.length - a.length)[0];
  return <Segmented options={options} value={value} onChange={(v) => void navigate(v)} />;
}
