import { App, Button, Card, Col, Form, Input, Modal, Result, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  SIGNATURE_STATUSES,
  SIGNER_KINDS,
  ZPublishCommitment,
} from '../../../../../common/responsibility.commitments.schema';
import { FormModal } from '../../../components/form-modal';
import { ChoiceFilter, FilterBar, SearchFilter, UnitFilter, YearFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { currentPeriod, formatDateTime } from '../../../lib/format';
import { notifySuccess, quietly, submitForm } from '../../../lib/notify';
import { maxLengthOf } from '../../../lib/schema-limits';
import {
  type CommitmentOverview,
  type Signer,
  type SignerFilters,
  useCommitmentOverview,
  usePublishCommitment,
  useRemindSigners,
  useSigners,
} from '../api/commitments';
import { TextItem } from '../../../components/text-item';

const FILTERS = ['year', 'signerKind', 'status', 'unitId', 'q'] as const;
const STATUS_COLORS: Record<string, string> = { signed: 'green', unsigned: 'red', resign: 'orange' };
type Kind = CommitmentOverview['kinds'][number];

/** 签字承诺: the year's texts per kind (versioned) and who has signed, for the office, 组织部 and unit heads. */
export function CommitmentsPage() {
  const { year: thisYear } = currentPeriod();
  const list = useListParams<SignerFilters>(FILTERS, { filters: { year: String(thisYear) } });
  const year = Number(list.filters.year) || thisYear;
  const overview = useCommitmentOverview(year);
  const signers = useSigners({ ...list.query, year });
  const remind = useRemindSigners();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<Kind | null>(null);
  const [reading, setReading] = useState<Kind | null>(null);
  const o = overview.data;
  if (overview.error) return <Result status="404" title="签字承诺不存在或无权查看" />;
  const manage = o?.actions.includes('publish') ?? false;
  const sendReminder = () =>
    modal.confirm({
      title: '提醒未签署人员',
      content: `向${list.filters.unitId ? '所选单位' : '全部'}${
        list.filters.signerKind ? SIGNER_KINDS[list.filters.signerKind] : ''
      }中尚未签署（或需重新签署）${year}年度承诺书的人员发送站内提醒？`,
      okText: '发送提醒',
      onOk: async () => {
        const r = await quietly(
          remind.mutateAsync({ year, signerKind: list.filters.signerKind, unitId: list.filters.unitId }),
        );
        if (r) notifySuccess(`已提醒 ${r.signers} 人（${r.notified} 个账号收到消息）`);
      },
    });
  return (
    <>
      <PageHeader
        title="签字承诺"
        subTitle="党风廉政建设主体责任签字承诺：按年度、按签署对象发布承诺书，本人在系统中签署"
        extra={
          <Space>
            <Button onClick={() => void navigate('/responsibility/commitments/mine')}>我的承诺书</Button>
            {manage ? (
              <Button onClick={sendReminder} loading={remind.isPending}>
                提醒未签署人员
              </Button>
            ) : null}
          </Space>
        }
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(o?.kinds ?? []).map((k) => (
          <Col span={12} key={k.signerKind}>
            <Card
              title={`${year}年度·${k.signerKindLabel}`}
              data-testid={`commitment-${k.signerKind}`}
              extra={
                <Space>
                  {k.versions.length ? (
                    <Button size="small" type="link" onClick={() => setReading(k)}>
                      查看全文及历史版本
                    </Button>
                  ) : null}
                  {manage ? (
                    <Button size="small" type="primary" onClick={() => setEditing(k)}>
                      {k.current ? '修订承诺书' : '发布承诺书'}
                    </Button>
                  ) : null}
                </Space>
              }
            >
              <Typography.Paragraph type={k.current ? undefined : 'secondary'}>
                {k.current
                  ? `${k.current.title}（第${k.current.revision}版，${formatDateTime(k.current.publishedAt)} ${k.current.publishedByName}发布）`
                  : '本年度承诺书尚未发布'}
              </Typography.Paragraph>
              <Row>
                <Col span={6}>
                  <Statistic title="应签" value={k.counts.expected} />
                </Col>
                <Col span={6}>
                  <Statistic title="已签" value={k.counts.signed} />
                </Col>
                <Col span={6}>
                  <Statistic title="未签" value={k.counts.unsigned} />
                </Col>
                <Col span={6}>
                  <Statistic title="需重签" value={k.counts.resign} />
                </Col>
              </Row>
            </Card>
          </Col>
        ))}
      </Row>
      <FilterBar testId="signer-filters">
        <YearFilter list={list} ahead />
        <ChoiceFilter list={list} name="signerKind" label="签署对象" labels={SIGNER_KINDS} />
        <ChoiceFilter list={list} name="status" label="签署状态" labels={SIGNATURE_STATUSES} />
        <UnitFilter list={list} placeholder="单位" />
        <SearchFilter list={list} placeholder="姓名" />
        <ListExport path="/commitments/signers/export.xlsx" list={list} />
      </FilterBar>
      <ListTable<Signer, SignerFilters>
        list={list}
        result={signers}
        rowKey="personId"
        unit="人"
        emptyText="暂无签署人员"
        testId="signer-list"
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 180 },
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '职务', dataIndex: 'post' },
          { title: '签署对象', dataIndex: 'signerKindLabel', width: 130 },
          {
            title: '状态',
            dataIndex: 'statusLabel',
            width: 90,
            render: (s: string, r) => <Tag color={STATUS_COLORS[r.status]}>{s}</Tag>,
          },
          {
            title: '签署版本',
            width: 90,
            render: (_, r) => (r.signedRevision ? `第${r.signedRevision}版` : ''),
          },
          { title: '签署时间', dataIndex: 'signedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
          {
            title: '承诺书',
            width: 90,
            render: (_, r) =>
              r.signatureId ? <Link to={`/responsibility/commitments/signatures/${r.signatureId}`}>查看</Link> : null,
          },
        ]}
      />
      {editing ? <PublishModal year={year} kind={editing} onClose={() => setEditing(null)} /> : null}
      {reading ? (
        <Modal
          open
          title={`${year}年度·${reading.signerKindLabel}承诺书`}
          footer={null}
          width={760}
          onCancel={() => setReading(null)}
        >
          {reading.versions.map((v) => (
            <Card
              key={v.id}
              size="small"
              style={{ marginBottom: 12 }}
              title={`第${v.revision}版${v === reading.current ? '（现行）' : ''}：${v.title}`}
              extra={`${formatDateTime(v.publishedAt)} ${v.publishedByName}`}
            >
              <div style={{ whiteSpace: 'pre-wrap' }}>{v.body}</div>
            </Card>
          ))}
        </Modal>
      ) : null}
    </>
  );
}

/** A new version of the year's text: starts from the current one; saving never overwrites an old version. */
function PublishModal({ year, kind, onClose }: { year: number; kind: Kind; onClose: () => void }) {
  const [form] = Form.useForm<{ title: string; body: string }>();
  const publish = usePublishCommitment();
  return (
    <FormModal
      form={form}
      width={760}
      title={`${kind.current ? '修订' : '发布'}${year}年度${kind.signerKindLabel}承诺书`}
      okText={kind.current ? `发布第${kind.current.revision + 1}版` : '发布'}
      pending={publish.isPending}
      onClose={onClose}
    >
      {kind.current ? (
        <Typography.Paragraph type="warning">
          发布后，已签署旧版本的人员将显示为“需重签”，并收到重新签署的提醒；旧版本及其签署记录保留可查。
        </Typography.Paragraph>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title:
            kind.current?.title ??
            `${year}年度党风廉政建设${kind.signerKind === 'principal' ? '主体责任' : '“一岗双责”'}承诺书`,
          body: kind.current?.body ?? '',
        }}
        onFinish={(v) =>
          submitForm(form, async () => {
            const t = await publish.mutateAsync({
              year,
              signerKind: kind.signerKind,
              ...v,
              baseRevision: kind.current?.revision ?? null,
            });
            notifySuccess(`已发布第${t.revision}版`);
            onClose();
          })
        }
      >
        <TextItem
          max={maxLengthOf(ZPublishCommitment.shape.title)}
          name="title"
          label="标题"
          rules={[{ required: true, message: '请填写标题' }]}
        >
          <Input />
        </TextItem>
        <TextItem
          max={maxLengthOf(ZPublishCommitment.shape.body)}
          name="body"
          label="承诺内容"
          rules={[{ required: true, message: '请填写承诺内容' }]}
        >
          <Input.TextArea rows={14} />
        </TextItem>
      </Form>
    </FormModal>
  );
}
