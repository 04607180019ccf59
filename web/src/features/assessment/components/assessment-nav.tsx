import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { usePermission } from '../../../lib/session';

/**
 * Switches between the parts of 考核评价: every reader sees 考核, 述职评议 and 督导评估; 民主测评, the systems and the
 * settings are the office's work.
 */
export function AssessmentNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const manages = usePermission('assessment:manage');
  const options = [
    { value: '/assessment', label: '考核' },
    { value: '/assessment/evaluations', label: '述职评议' },
    { value: '/assessment/reviews', label: '督导评估' },
    ...(manages
      ? [
          { value: '/assessment/surveys', label: '民主测评' },
          { value: '/assessment/systems', label: '指标体系' },
          { value: '/assessment/settings', label: '考核设置' },
        ]
      : []),
  ];
  const value = options.slice(1).find((o) => pathname.startsWith(o.value))?.value ?? '/assessment';
  return <Segmented options={options} value={value} onChange={(v) => void navigate(v)} />;
}
