import { Flex, Input, Select, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { FINDING_STATES } from '../../../../../common/patrol';
import { DownloadButton } from '../../../components/download-button';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import { type Finding, useFindings } from '../api/patrol';
import { PatrolNav } from '../components/patrol-nav';
import { StateTag } from '../components/state-tag';

/** Findings: the office reviews every group's, a group sees its own; units never see them. */
export function FindingsPage() {
  const canManage = usePermission('patrol:manage');
  const [state, setState] = useState<string | undefined>(canManage ? 'submitted' : undefined);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const { data, isFetching } = useFindings({ page, pageSize: 20, state, q });
  const columns: TableProps<Finding>['columns'] = [
    { title: '编号', dataIndex: 'code', width: 120 },
    {
      title: '问题概述',
      dataIndex: 'title',
      ellipsis: true,
      render: (v: string, f) => <Link to={`/supervision/findings/${f.id}`}>{v}</Link>,
    },
    { title: '责任单位', dataIndex: 'unitName', width: 140 },
    { title: '督导巡查组', dataIndex: 'groupName', width: 140 },
    { title: '严重程度', dataIndex: 'severityLabel', width: 90 },
    { title: '报送时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: '状态',
      dataIndex: 'state',
      width: 90,
      render: (_: string, f) => <StateTag state={f.state} label={f.stateLabel} />,
    },
  ];
  return (
    <>
      <PageHeader
        title="督导发现"
        subTitle="督导巡查组报送的问题，由领导小组办公室审核后交办、上报或办结"
        extra={
          <DownloadButton path="/findings/export.xlsx" query={{ state, q }}>
            导出台账
          </DownloadButton>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <PatrolNav />
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={Object.entries(FINDING_STATES).map(([value, label]) => ({ value, label }))}
        />
        <Input.Search
          allowClear
          placeholder="搜索问题"
          style={{ width: 200 }}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
      </Flex>
      <Table<Finding>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        columns={columns}
        data-testid="finding-table"
        scroll={{ x: 900 }}
        locale={{ emptyText: '暂无督导发现' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 条`,
        }}
      />
    </>
  );
}
