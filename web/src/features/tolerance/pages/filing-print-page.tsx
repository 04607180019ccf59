import { Button, Result, Spin } from 'antd';
import { useParams } from 'react-router';
import { formatDate } from '../../../lib/format';
import { useFiling } from '../api/tolerance';

const cell = { border: '1px solid #000', padding: '6px 10px', verticalAlign: 'top' as const };
const head = { ...cell, width: 150, fontWeight: 600, textAlign: 'center' as const };
const chinese = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** 容错免责事前备案表, laid out for printing on A4 (the menu and buttons are hidden by the print CSS). */
export function FilingPrintPage() {
  const { id } = useParams();
  const { data: f, isLoading, error } = useFiling(id);
  if (isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (error || !f) return <Result status="404" title="备案不存在或无权查看" />;
  const rows: [string, string][] = [
    ['备案单位', f.unitName],
    ['责任人', f.people.map((p) => `${p.name}（${p.post}）`).join('、')],
    ['备案事项', f.matter],
    ['决策内容', f.decision],
    ['政策依据', f.basis],
    ['是否属于改革试点、探索性工作', f.exploratory ? '是' : '否'],
    ['集体决策情况', f.minutes],
    ['反对意见', f.dissent || '无'],
    ['风险评估', f.risk],
    ['决策日期', chinese(f.decidedOn)],
    ['复核日期', chinese(f.reviewOn)],
    ['审批意见', f.approvedAt ? `${f.approvalComment ?? '同意备案'}（${formatDate(f.approvedAt)}）` : f.stateLabel],
  ];
  return (
    <div
      className="print-sheet"
      style={{ maxWidth: 760, margin: '0 auto', fontFamily: '仿宋, FangSong, serif', color: '#000' }}
    >
      <style>{'@media print { .ant-layout-sider, .ant-layout-header, .no-print { display: none !important; } }'}</style>
      <div className="no-print" style={{ textAlign: 'right', marginBottom: 12 }}>
        <Button type="primary" onClick={() => window.print()}>
          打印
        </Button>
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
