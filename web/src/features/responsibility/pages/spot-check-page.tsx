import { Button, Card, Descriptions, Input, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ZSpotCheckEvent } from '../../../../../common/responsibility.spot-checks.schema';
import { DetailTable } from '../../../components/detail-table';
import { EventLogCard } from '../../../components/event-log-card';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { formatDate, formatDateTime } from '../../../lib/format';
import { countOf, maxLengthOf, textFits } from '../../../lib/schema-limits';
import { notifySuccess, quietly } from '../../../lib/notify';
import { fulfilmentFileHref } from '../api/responsibility';
import {
  type SpotCheckDetail,
  type SpotCheckVerdict,
  useDeleteSpotCheck,
  useSpotCheck,
  useSpotCheckEvent,
} from '../api/spot-checks';
import { VerdictEditor, VerdictView } from '../components/verdict-editor';

/** One spot check: how it was drawn, the drawn reports and the verdict on each of their items. */
export function SpotCheckPage() {
  const { id = '' } = useParams();
  const query = useSpotCheck(id);
  const c = query.data;
  if (!c) return <QueryFallback query={query} what="抽查" />;
  return (
    <>
      <PageHeader
        title={`${c.code} ${c.title}`}
        subTitle={`${c.periodLabel} · ${c.stateLabel}`}
        extra={<SpotCheckActions c={c} />}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="状态">
            <Tag>{c.stateLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="抽样方式">
            {c.sampleSize !== null ? `按数量 ${c.sampleSize} 份` : `按比例 ${c.samplePercent}%`}
          </Descriptions.Item>
          <Descriptions.Item label="随机种子">
            <code>{c.seed}</code>
          </Descriptions.Item>
          <Descriptions.Item label="抽中/可抽报告">
            {c.populationSize === null ? '未抽样' : `${c.sampledReports}/${c.populationSize} 份`}
          </Descriptions.Item>
          <Descriptions.Item label="已核查">{`${c.recorded}/${c.items} 项`}</Descriptions.Item>
          <Descriptions.Item label="不实或不到位">{`${c.negative} 项`}</Descriptions.Item>
          {c.drawnAt ? <Descriptions.Item label="抽样时间">{formatDateTime(c.drawnAt)}</Descriptions.Item> : null}
          {c.concludedAt ? (
            <Descriptions.Item label="完成时间">{formatDateTime(c.concludedAt)}</Descriptions.Item>
          ) : null}
          {c.note ? <Descriptions.Item label="说明">{c.note}</Descriptions.Item> : null}
          {c.conclusion ? <Descriptions.Item label="抽查结论">{c.conclusion}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      {c.state === 'draft' ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          抽样后将按随机种子从本期已提交、已审核的落实情况报告中抽取样本，并列出被抽中报告的全部责任事项供逐项核查。
        </Card>
      ) : null}
      {c.sample.map((s) => (
        <Card
          key={s.reportId}
          size="small"
          style={{ marginBottom: 16 }}
          title={
            <Space>
              <span>{`${s.seq}. ${s.recipientName}`}</span>
              <Tag>{s.reportStateLabel}</Tag>
              <Link to={`/responsibility/reports/${s.reportId}`}>查看报告</Link>
            </Space>
          }
        >
          <VerdictTable c={c} rows={s.verdicts} />
        </Card>
      ))}
      <EventLogCard events={c.events} />
    </>
  );
}

function VerdictTable({ c, rows }: { c: SpotCheckDetail; rows: SpotCheckVerdict[] }) {
  return (
    <DetailTable<SpotCheckVerdict>
      dataSource={rows}
      data-testid="spot-check-verdicts"
      locale={{ emptyText: '该报告没有责任事项' }}
      columns={[
        { title: '序号', dataIndex: 'seq', width: 60 },
        {
          title: '责任事项',
          render: (_, v) => (
            <>
              <div>{v.content}</div>
              {v.target ? <div style={{ color: '#888' }}>量化指标：{v.target}</div> : null}
              <div style={{ color: '#888' }}>
                {v.dispatchCode} · 截止 {formatDate(v.deadline)}
              </div>
            </>
          ),
        },
        {
          title: '履责纪实',
          render: (_, v) =>
            v.records.length === 0 ? (
              <Tag color="red">未履责</Tag>
            ) : (
              v.records.map((r) => (
                <div key={`${r.doneOn}-${r.description}`}>
                  {formatDate(r.doneOn)}：{r.description}
                  {r.files.map((f) => (
                    <a key={f.id} href={fulfilmentFileHref(v.dispatchId, f.id)} style={{ marginLeft: 8 }}>
                      {f.name}
                    </a>
                  ))}
                  {v.late ? (
                    <Tag color="orange" style={{ marginLeft: 8 }}>
                      逾期
                    </Tag>
                  ) : null}
                </div>
              ))
            ),
        },
        {
          title: '核查结论',
          width: 300,
          render: (_, v) =>
            v.actions.includes('record') ? (
              <VerdictEditor spotCheckId={c.id} v={v} />
            ) : (
              <VerdictView spotCheckId={c.id} v={v} />
            ),
        },
      ]}
    />
  );
}

function SpotCheckActions({ c }: { c: SpotCheckDetail }) {
  const fire = useSpotCheckEvent(c.id);
  const remove = useDeleteSpotCheck(c.id);
  const navigate = useNavigate();
  const [conclusion, setConclusion] = useState('');
  const left = c.items - c.recorded;
  return (
    <Space>
      {c.actions.includes('draw') ? (
        <Popconfirm
          title="抽样"
          description="按随机种子抽取样本，抽样后样本不再变化。"
          okText="抽样"
          cancelText="取消"
          onConfirm={async () => {
            if (await quietly(fire.mutateAsync({ type: 'draw', version: c.version }))) notifySuccess('已完成抽样');
          }}
        >
          <Button type="primary">抽样</Button>
        </Popconfirm>
      ) : null}
      {c.actions.includes('delete') ? (
        <Popconfirm
          title="确定删除该抽查？"
          okText="删除"
          cancelText="取消"
          onConfirm={async () => {
            if (await quietly(remove.mutateAsync(c.version).then(() => true))) {
              notifySuccess('抽查已删除');
              void navigate('/responsibility/spot-checks');
            }
          }}
        >
          <Button danger>删除</Button>
        </Popconfirm>
      ) : null}
      {c.actions.includes('conclude') ? (
        <Popconfirm
          title="完成抽查"
          description={
            <div style={{ width: 320 }}>
              <p>
                {left > 0
                  ? `尚有 ${left} 项未填写核查结论，需全部核查后才能完成。`
                  : '完成后核查结论不能再修改，被抽查对象将看到对其报告的核查结论。'}
              </p>
              <Input.TextArea
                rows={3}
                placeholder="抽查结论（可选）"
                value={conclusion}
                count={countOf(maxLengthOf(ZSpotCheckEvent.shape.comment))}
                onChange={(e) => setConclusion(e.target.value)}
              />
            </div>
          }
          okText="确认完成"
          cancelText="取消"
          okButtonProps={{ disabled: left > 0 }}
          onConfirm={async () => {
            if (!textFits('抽查结论', conclusion, maxLengthOf(ZSpotCheckEvent.shape.comment))) return;
            const ok = await quietly(fire.mutateAsync({ type: 'conclude', version: c.version, comment: conclusion }));
            if (ok) notifySuccess('抽查已完成');
          }}
        >
          <Button type="primary">完成抽查</Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}
