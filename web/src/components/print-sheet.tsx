import { Button, Space } from 'antd';
import type { ReactNode } from 'react';

/** Keeps the menu, the header, the buttons and the banners above the page off paper. */
export const PRINT_CSS =
  '@media print { .ant-layout-sider, .ant-layout-header, .ant-alert-banner, .no-print { display: none !important; } }';

/** A document laid out for printing on A4: its buttons (打印 and any others) above, hidden on paper. */
export function PrintSheet({ actions, children }: { actions?: ReactNode; children: ReactNode }) {
  return (
    <div
      className="print-sheet"
      style={{ maxWidth: 760, margin: '0 auto', fontFamily: '仿宋, FangSong, serif', color: '#000' }}
    >
      <style>{PRINT_CSS}</style>
      <div className="no-print" style={{ textAlign: 'right', marginBottom: 12 }}>
        <Space wrap>
          {actions}
          <Button type="primary" onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      </div>
      {children}
    </div>
  );
}
