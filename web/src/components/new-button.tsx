import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';

/** The primary "new …" action of a list page, shown only to those allowed to create. */
export function NewButton({ to, allowed, children }: { to: string; allowed: boolean; children: ReactNode }) {
  const navigate = useNavigate();
  if (!allowed) return null;
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(to)}>
      {children}
    </Button>
  );
}
