import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { usePermission } from '../../../lib/session';

/** Switches between 考核, 指标体系 and 考核设置 (the systems and the settings are the office's work). */
export function AssessmentNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  if (!usePermission('assessment:manage')) return null;
  const options = [
    { value: '/assessment', label: '考核' },
    { value: '/assessment/systems', label: '指标体系' },
    { value: '/assessment/settings', label: '考核设置' },
  ];
  const value = options.slice(1).find((o) => pathname.startsWith(o.value))?.value ?? '/assessment';
  return <Segmented options={options} value={value} onChange={(v) => void navigate(v)} />;
}
