import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { CLOCK_KEYS, type ClockRules, ZPublishRuleVersion } from '../../../../../common/rules.schema';
import { DetailTable } from '../../../components/detail-table';
import { PageHeader } from '../../../components/page-header';
import { beforeToday, formatDate, formatDateTime, todayInShanghai } from '../../../lib/format';
import { applyFormErrors, notifyError, notifySuccess, validValues } from '../../../lib/notify';
import { type RuleSet, usePublishRuleVersion, useRuleSet } from '../api/rules';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

type Item = { key: string; text: string; source: string };
const UNITS = { months: '个月', days: '日', working_days: '个工作日' } as const;
const CLOCK_LABELS: Record<(typeof CLOCK_KEYS)[number], string> = {
  appealFile: '提出申诉',
  appealDecide: '申诉复查决定',
  reexaminationFile: '申请复审',
  reexaminationDecide: '复审决定',
  recheckFile: '申请复核',
  recheckDecide: '复核决定',
  execution: '执行问责决定',
};

function Items({ items }: { items: Item[] }) {
  return (
    <DetailTable<Item>
      rowKey="key"
      dataSource={items}
      columns={[
        { title: '标识', dataIndex: 'key', width: 140 },
        { title: '内容', dataIndex: 'text' },
        { title: '依据', dataIndex: 'source', width: '35%' },
      ]}
    />
  );
}

function Clocks({ content }: { content: ClockRules }) {
  return (
    <DetailTable
      rowKey="key"
      dataSource={CLOCK_KEYS.map((k) => ({ key: k, ...content.clocks[k], source: content.sources[k] ?? '' }))}
      columns={[
        { title: '期限', dataIndex: 'key', render: (k: (typeof CLOCK_KEYS)[number]) => CLOCK_LABELS[k] },
        { title: '时长', render: (_, r) => `${r.amount}${UNITS[r.unit]}` },
        { title: '依据', dataIndex: 'source' },
      ]}
    />
  );
}

interface Values {
  effectiveFrom: Dayjs;
  source: string;
  reason: string;
  items?: Item[];
  clocks?: ClockRules['clocks'];
}

/** 发布新版本: a proposal filled in, confirmed, then published (immutable, audited). */
function PublishVersion({ set }: { set: RuleSet }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const publish = usePublishRuleVersion(set.key);
  const isClocks = set.key === 'clocks';
  const content = set.inForce.content as { items?: Item[] } & Partial<ClockRules>;
  const send = async () => {
    const v = await validValues(form);
    if (!v) return;
    Modal.confirm({
      title: '确认发布新版本？',
      content: `发布后不可修改或删除，自${formatDate(v.effectiveFrom.format('YYYY-MM-DD'))}起施行；此前作出的决定仍引用原版本。`,
      okText: '确认发布',
      cancelText: '取消',
      onOk: async () => {
        try {
          await publish.mutateAsync({
            basedOn: set.latestOwn,
            effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
            source: v.source,
            reason: v.reason,
            content: isClocks
              ? { ...(content as ClockRules), clocks: v.clocks as ClockRules['clocks'] }
              : { items: v.items ?? [] },
          });
          notifySuccess('新版本已发布');
          setOpen(false);
        } catch (e) {
          if (!applyFormErrors(form, e)) notifyError(e);
        }
      },
    });
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        拟订新版本
      </Button>
      <Modal
        title={`拟订新版本：${set.label}`}
        open={open}
        width={900}
        onCancel={() => setOpen(false)}
        onOk={send}
        okText="发布…"
      >
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ effectiveFrom: todayInShanghai(), items: content.items, clocks: content.clocks }}
        >
          <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
            <DatePicker disabledDate={beforeToday} />
          </Form.Item>
          <TextItem
            max={maxLengthOf(ZPublishRuleVersion.shape.source)}
            name="source"
            label="依据（法规名称、条款及版本）"
            rules={[{ required: true, message: '请填写依据' }]}
          >
            <Input />
          </TextItem>
          <TextItem
            max={maxLengthOf(ZPublishRuleVersion.shape.reason)}
            name="reason"
            label="调整理由"
            rules={[{ required: true, message: '请填写调整理由' }]}
          >
            <Input.TextArea rows={2} />
          </TextItem>
          {isClocks ? (
            CLOCK_KEYS.map((k) => (
              <Space key={k} align="baseline">
                <span style={{ width: 120, display: 'inline-block' }}>{CLOCK_LABELS[k]}</span>
                <Form.Item name={['clocks', k, 'amount']} rules={[{ required: true, message: '请填写' }]}>
                  <InputNumber min={1} max={120} aria-label={`${CLOCK_LABELS[k]}时长`} />
                </Form.Item>
                <Form.Item name={['clocks', k, 'unit']}>
                  <Select
                    style={{ width: 120 }}
                    options={Object.entries(UNITS).map(([value, label]) => ({ value, label }))}
                  />
                </Form.Item>
              </Space>
            ))
          ) : (
            <Form.List name="items">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                      <Form.Item name={[f.name, 'key']} rules={[{ required: true, message: '标识' }]}>
                        <Input placeholder="标识" style={{ width: 130 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'text']} rules={[{ required: true, message: '内容' }]}>
                        <Input placeholder="内容" style={{ width: 380 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'source']} rules={[{ required: true, message: '依据' }]}>
                        <Input placeholder="依据" style={{ width: 240 }} />
                      </Form.Item>
                      <Button type="link" danger onClick={() => remove(f.name)}>
                        删除
                      </Button>
                    </Space>
                  ))}
                  <Button onClick={() => add({ key: '', text: '', source: '' })}>增加条目</Button>
                </>
              )}
            </Form.List>
          )}
        </Form>
      </Modal>
    </>
  );
}

/** One rule set: the version in force, its items with sources, and the history of versions. */
export function RuleSetPage() {
  const { key = '' } = useParams();
  const set = useRuleSet(key);
  const s = set.data;
  if (!s) return <Card loading={set.isLoading} />;
  const content = s.inForce.content as { items?: Item[] } & Partial<ClockRules>;
  return (
    <>
      <PageHeader
        title={s.label}
        subTitle={
          s.local
            ? '法律允许地方调整：本地区发布的版本优先于省级默认'
            : '全省统一：由党内法规和国家法律规定，地方不得调整'
        }
        extra={s.canPublish ? <PublishVersion set={s} /> : null}
      />
      <Card title={`施行版本：${s.inForce.scopeName}第${s.inForce.version}版`} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="施行日期">{formatDate(s.inForce.effectiveFrom)}</Descriptions.Item>
          <Descriptions.Item label="依据">{s.inForce.source}</Descriptions.Item>
          <Descriptions.Item label="发布理由">{s.inForce.reason}</Descriptions.Item>
          <Descriptions.Item label="发布人">{s.inForce.publishedByName}</Descriptions.Item>
        </Descriptions>
        {content.items ? <Items items={content.items} /> : <Clocks content={content as ClockRules} />}
      </Card>
      <Card title="版本历史">
        <DetailTable
          rowKey={(r) => `${r.scope}-${r.version}`}
          dataSource={s.history}
          columns={[
            { title: '版本', render: (_, r) => `${r.scopeName}第${r.version}版` },
            { title: '施行日期', dataIndex: 'effectiveFrom', render: (v: string) => formatDate(v) },
            { title: '依据', dataIndex: 'source' },
            { title: '理由', dataIndex: 'reason' },
            { title: '发布人', dataIndex: 'publishedByName' },
            {
              title: '发布时间',
              dataIndex: 'publishedAt',
              render: (v: string | null) => (v ? formatDateTime(v) : '内置'),
            },
          ]}
        />
      </Card>
    </>
  );
}
