import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { usePermission } from '../../../lib/session';

/** Switches between 考核 and 指标体系 (the indicator systems are the office's work). */
export function AssessmentNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  if (!usePermission('assessment:manage')) return null;
  const options = [
    { value: '/assessment', label: '考核' },
    { value: '/assessment/systems', label: '指标体系' },
  ];
  const value = pathname.startsWith('/assessment/systems') ? '/assessment/systems' : '/assessment';
  return <Segmented options={options} value={value} onChange={(v) => void navigate(v)} />;
}
