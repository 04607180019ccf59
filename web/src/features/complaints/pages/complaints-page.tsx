import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Dropdown, Row, Statistic, type TableProps, Tag } from 'antd';
import { Link } from 'react-router';
import { COMPLAINT_CHANNELS, COMPLAINT_STATES } from '../../../../../common/complaints';
import { ChoiceFilter, DateRangeFilter, FilterBar, SearchFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { NewButton } from '../../../components/new-button';
import { PageHeader } from '../../../components/page-header';
import { buildUrl } from '../../../lib/api';
import { currentPeriod, formatDate } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import { type Complaint, type ComplaintFilters, useComplaintFigures, useComplaints } from '../api/complaints';

const FILTER_KEYS = ['state', 'channel', 'kind', 'mine', 'overdue', 'from', 'to', 'q'] as const;

function Figures() {
  const { data } = useComplaintFigures();
  if (!data) return null;
  const pct = (a: { due: number; onTime: number }) => (a.due ? `${Math.round((a.onTime / a.due) * 100)}%` : '—');
  return (
    <Row gutter={12} style={{ marginBottom: 12 }}>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title="本年收件" value={data.total} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title="受理告知及时率" value={pct(data.acceptanceOnTime)} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title="结果反馈及时率" value={pct(data.feedbackOnTime)} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title="查实率" value={data.substantiation.rate === null ? '—' : `${data.substantiation.rate}%`} />
        </Card>
      </Col>
    </Row>
  );
}

/** 信访举报台账: only the complaints the caller may read; search runs over the decrypted text on the server. */
/** 办理结果季度反馈表 of this and the three quarters before (the complaints office gets one each quarter). */
function QuarterlyFeedback() {
  const { year, quarter } = currentPeriod();
  const quarters = [0, 1, 2, 3].map((back) => {
    const n = year * 4 + quarter - 1 - back;
    return { year: Math.floor(n / 4), quarter: (n % 4) + 1 };
  });
  return (
    <Dropdown
      menu={{
        items: quarters.map((q, i) => ({ key: String(i), label: `${q.year}年第${q.quarter}季度` })),
        // The whole item downloads (an attachment: the page stays where it is).
        onClick: ({ key }) => window.location.assign(buildUrl('/complaints/feedback.xlsx', quarters[Number(key)])),
      }}
    >
      <Button icon={<DownloadOutlined />}>季度办理结果反馈表</Button>
    </Dropdown>
  );
}

export function ComplaintsPage() {
  const canManage = usePermission('complaints:manage');
  const list = useListParams<ComplaintFilters>(FILTER_KEYS);
  const result = useComplaints(list.query);
  const columns: TableProps<Complaint>['columns'] = [
    {
      title: '受理编号',
      dataIndex: 'code',
      width: 150,
      render: (v: string, c) => <Link to={`/complaints/${c.id}`}>{v}</Link>,
    },
    { title: '渠道', dataIndex: 'channelLabel', width: 100 },
    { title: '被反映单位', dataIndex: 'subjectUnitName', width: 140, ellipsis: true },
    {
      title: '被反映人',
      key: 'subject',
      width: 140,
      render: (_, c) => `${c.subjectName}${c.subjectPost ? `（${c.subjectPost}）` : ''}`,
    },
    { title: '主要问题', dataIndex: 'summary', ellipsis: true },
    { title: '收件日期', dataIndex: 'receivedOn', width: 110, render: (v: string) => formatDate(v) },
    { title: '承办人', dataIndex: 'ownerName', width: 90 },
    {
      title: '状态',
      key: 'state',
      width: 130,
      render: (_, c) => (
        <>
          <Tag color={c.state === 'answered' ? 'success' : 'processing'}>{c.stateLabel}</Tag>
          {c.overdue && <Tag color="error">超期</Tag>}
          {c.anonymous && <Tag>匿名</Tag>}
        </>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="信访举报"
        subTitle="首问负责、限时办结，件件有着落"
        extra={
          <>
            <ListExport path="/complaints/export.xlsx" list={list}>
              导出（不含举报人信息）
            </ListExport>
            <QuarterlyFeedback />
            <NewButton to="/complaints/new" allowed={canManage}>
              登记来信来访
            </NewButton>
          </>
        }
      />
      <Figures />
      <FilterBar testId="complaint-filters">
        <SearchFilter list={list} placeholder="编号、被反映人或反映内容" width={240} />
        <ChoiceFilter list={list} name="channel" label="渠道" labels={COMPLAINT_CHANNELS} />
        <DateRangeFilter list={list} label="收件日期" />
        <ChoiceFilter list={list} name="state" label="状态" labels={COMPLAINT_STATES} width={130} />
        <ChoiceFilter list={list} name="overdue" label="超期" labels={{ 1: '仅超期' }} width={110} />
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无信访举报件" testId="complaint-table" />
    </>
  );
}
