import { Button, Space } from 'antd';
import { type ReactNode, useRef } from 'react';
import { Trail, useDocumentTitle } from './page-header';

/** Keeps the menu, the header, the buttons and the banners above the page off paper. */
export const PRINT_CSS =
  '@media print { .ant-layout-sider, .ant-layout-header, .ant-alert-banner, .no-print { display: none !important; } }';

/**
 * A document laid out for printing on A4: the way back to its module and its buttons (打印 and any others) above,
 * hidden on paper; the browser tab is named after the document's heading.
 */
export function PrintSheet({ actions, children }: { actions?: ReactNode; children: ReactNode }) {
  const sheet = useRef<HTMLDivElement>(null);
  // biome-ignore lint/performance/useDomNodeTextContent: the text as shown (a line break reads as a space)
  useDocumentTitle(() => sheet.current?.querySelector<HTMLElement>('h1, h2, h3')?.innerText);
  return (
    <div
      ref={sheet}
      className="print-sheet"
      style={{ maxWidth: 760, margin: '0 auto', fontFamily: '仿宋, FangSong, serif', color: '#000' }}
    >
      <style>{PRINT_CSS}</style>
      <div className="no-print">
        <Trail />
      </div>
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
