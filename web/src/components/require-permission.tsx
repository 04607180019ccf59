import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { hasPermission, useMe } from '../lib/session';

/** Renders children only for users holding `permission`; the server enforces it again. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { data: me, isLoading } = useMe();
  if (isLoading) return <Spin />;
  if (!hasPermission(me, permission)) {
    return <Result status="403" title="无权访问" subTitle="您没有访问此页面的权限，如需开通请联系系统管理员。" />;
  }
  return <>{children}</>;
}
