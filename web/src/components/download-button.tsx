import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { buildUrl, type Query } from '../lib/api';

/** A plain link to a server-generated file; the session cookie authorises the GET. */
export function DownloadButton({ path, query, children }: { path: string; query?: Query; children: ReactNode }) {
  return (
    <Button icon={<DownloadOutlined />} href={buildUrl(path, query)} download>
      {children}
    </Button>
  );
}
