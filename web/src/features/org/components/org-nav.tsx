import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';

const TABS = [
  { value: '/org', label: '单位架构' },
  { value: '/org/people', label: '人员名录' },
  { value: '/org/groups', label: '工作组' },
  { value: '/org/issuers', label: '发文机关' },
];

/** Switches between the pages of 组织与人员. */
export function OrgNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return <Segmented options={TABS} value={pathname} onChange={(v) => void navigate(v)} />;
}
