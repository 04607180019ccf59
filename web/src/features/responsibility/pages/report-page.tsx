import { Button, Input, Popconfirm } from 'antd';
import { QueryFallback } from '../../../components/query-fallback';
import { useState } from 'react';
import { useParams } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { EventLogCard } from '../../../components/event-log-card';
import { PrintSheet } from '../../../components/print-sheet';
import { ZReportEvent } from '../../../../../common/responsibility.schema';
import { formatDate, formatDateTime } from '../../../lib/format';
import { countOf, maxLengthOf, textFits } from '../../../lib/schema-limits';
import { notifySuccess, quietly } from '../../../lib/notify';
import { type ReportDetail, useReport, useReportEvent } from '../api/responsibility';
import { ReportVerdicts } from '../components/report-verdicts';

const cell = { border: '1px solid #000', padding: '4px 8px', verticalAlign: 'top' as const };

/** 落实情况季度报告 laid out for printing: the quarter's items and their fulfilment, assembled by the server. */
export function ReportPage() {
  const { id = '' } = useParams();
  const query = useReport(id);
  const r = query.data;
  if (!r) return <QueryFallback query={query} what="报告" />;
  return (
    <>
      <PrintSheet
        actions={
          <>
            <DownloadButton path={`/responsibility-reports/${r.id}/documents/report.docx`}>
              报告（.docx）
            </DownloadButton>
            <ReportActions r={r} />
          </>
        }
      >
        <h2 style={{ textAlign: 'center', fontFamily: '宋体, SimSun, serif', fontSize: 24 }}>
          {r.recipientName}
          <br />
          {r.periodLabel}主体责任落实情况报告
        </h2>
        <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}>
          <span>状态：{r.stateLabel}</span>
          <span>
            责任事项 {r.totals.items} 项，已履责 {r.totals.fulfilled} 项，按期 {r.totals.onTime} 项
          </span>
        </div>
        {r.summary ? <p style={{ whiteSpace: 'pre-wrap', textIndent: '2em' }}>{r.summary}</p> : null}
        <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14 }} data-testid="report-print">
          <thead>
            <tr>
              {['序号', '清单', '责任内容', '截止日期', '履责情况'].map((h) => (
                <th key={h} style={{ ...cell, textAlign: 'center' }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.items.map((i, n) => (
              <tr key={`${i.dispatchId}-${i.deadline}-${i.content}`}>
                <td style={{ ...cell, textAlign: 'center' }}>{n + 1}</td>
                <td style={cell}>
                  {i.dispatchCode}
                  <br />
                  {i.kindLabel}
                </td>
                <td style={cell}>
                  {i.content}
                  {i.target ? <div>（{i.target}）</div> : null}
                </td>
                <td style={cell}>{formatDate(i.deadline)}</td>
                <td style={cell}>
                  {i.records.length === 0 ? '未履责' : null}
                  {i.records.map((x) => (
                    <div key={`${x.doneOn}-${x.description}`} style={{ whiteSpace: 'pre-wrap' }}>
                      {formatDate(x.doneOn)}：{x.description}
                      {x.files.length ? `（佐证：${x.files.join('、')}）` : ''}
                    </div>
                  ))}
                  {i.late ? <strong>（逾期）</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p style={{ textAlign: 'right', marginTop: 24 }}>
          {r.submittedAt ? `提交时间：${formatDateTime(r.submittedAt)}` : ''}
          {r.approvedAt ? `　审核时间：${formatDateTime(r.approvedAt)}` : ''}
        </p>
      </PrintSheet>
      <div className="no-print" style={{ maxWidth: 760, margin: '16px auto' }}>
        {r.verdictsVisible ? <ReportVerdicts reportId={r.id} /> : null}
        <EventLogCard events={r.events} />
      </div>
    </>
  );
}

/** The text a confirmation asks for with its action (the report's note, the reason to return it). */
function NoteBox({
  field,
  onChange,
  ...props
}: {
  field: 'summary' | 'comment';
  rows: number;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Input.TextArea
      {...props}
      style={{ width: 320 }}
      count={countOf(maxLengthOf(ZReportEvent.shape[field]))}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function ReportActions({ r }: { r: ReportDetail }) {
  const fire = useReportEvent(r.id);
  const [summary, setSummary] = useState(r.summary);
  const [comment, setComment] = useState('');
  const run = async (type: 'submit' | 'approve' | 'return', done: string) => {
    if (type === 'submit' && !textFits('报告说明', summary, maxLengthOf(ZReportEvent.shape.summary))) return;
    if (!textFits('退回理由', comment, maxLengthOf(ZReportEvent.shape.comment))) return;
    const ok = await quietly(
      fire.mutateAsync({ type, version: r.version, comment, ...(type === 'submit' ? { summary } : {}) }),
    );
    if (ok) notifySuccess(done);
  };
  return (
    <>
      {r.actions.includes('submit') ? (
        <Popconfirm
          title="提交报告"
          description={
            <NoteBox rows={3} placeholder="报告说明（可选）" field="summary" value={summary} onChange={setSummary} />
          }
          okText="提交"
          cancelText="取消"
          onConfirm={() => run('submit', '报告已提交')}
        >
          <Button type="primary">提交</Button>
        </Popconfirm>
      ) : null}
      {r.actions.includes('approve') ? (
        <Popconfirm
          title="确定审核通过？"
          okText="通过"
          cancelText="取消"
          onConfirm={() => run('approve', '已审核通过')}
        >
          <Button type="primary">审核通过</Button>
        </Popconfirm>
      ) : null}
      {r.actions.includes('return') ? (
        <Popconfirm
          title="退回报告"
          description={
            <NoteBox rows={2} placeholder="退回理由" field="comment" value={comment} onChange={setComment} />
          }
          okText="退回"
          cancelText="取消"
          onConfirm={() => run('return', '报告已退回')}
        >
          <Button danger>退回</Button>
        </Popconfirm>
      ) : null}
    </>
  );
}
