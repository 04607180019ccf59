import { Button, Space } from 'antd';
import { QueryFallback } from '../../../components/query-fallback';
import { useParams } from 'react-router';
import { filingFormRows } from '../../../../../common/tolerance';
import { DownloadButton } from '../../../components/download-button';
import { PRINT_CSS } from '../../../components/print-sheet';
import { formatDate } from '../../../lib/format';
import { useFiling } from '../api/tolerance';

const cell = { border: '1px solid #000', padding: '6px 10px', verticalAlign: 'top' as const };
const head = { ...cell, width: 150, fontWeight: 600, textAlign: 'center' as const };

/** 容错免责事前备案表, laid out for printing on A4 (the menu and buttons are hidden by the print CSS). */
export function FilingPrintPage() {
  const { id } = useParams();
  const query = useFiling(id);
  const f = query.data;
  if (!f) return <QueryFallback query={query} what="备案" />;
  const rows = filingFormRows(f, formatDate, formatDate);
  return (
    <div
      className="print-sheet"
      style={{ maxWidth: 760, margin: '0 auto', fontFamily: '仿宋, FangSong, serif', color: '#000' }}
    >
      {/* The menu, the header, the buttons and the banners above the page (工作日历 reminder) stay off paper. */}
      <style>{PRINT_CSS}</style>
      <div className="no-print" style={{ textAlign: 'right', marginBottom: 12 }}>
        <Space>
          <DownloadButton path={`/tolerance-filings/${f.id}/documents/filing.docx`}>备案表（.docx）</DownloadButton>
          <Button type="primary" onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      </div>
      <h2 style={{ textAlign: 'center', fontFamily: '宋体, SimSun, serif', fontSize: 26 }}>容错免责事前备案表</h2>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}>
        <span>编号：{f.code}</span>
        <span>状态：{f.stateLabel}</span>
      </div>
      <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 16 }} data-testid="filing-print">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <td style={head}>{k}</td>
              <td style={{ ...cell, whiteSpace: 'pre-wrap' }}>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
