import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { NewButton } from '../../../components/new-button';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import { type Meeting, useMeetings } from '../api/meetings';
import { JointNav } from '../../../components/joint-nav';
import { MeetingStateTag, UnitTags } from '../components/meeting-display';

/** 联席会议 list: managers see the region's meetings, members the meetings their unit sits in. */
export function MeetingsPage() {
  const canManage = usePermission('meetings:manage');
  const list = useListParams<object>([]);
  const result = useMeetings(list.query);

  const columns: TableProps<Meeting>['columns'] = [
    {
      title: '会议名称',
      dataIndex: 'title',
      ellipsis: true,
      render: (v: string, m) => <Link to={`/meetings/${m.id}`}>{v}</Link>,
    },
    {
      title: '会议时间',
      dataIndex: 'scheduledAt',
      width: 160,
      sorter: true,
      render: (v: string) => formatDateTime(v),
    },
    { title: '地点', dataIndex: 'place', width: 200, ellipsis: true, render: (v: string) => v || '—' },
    {
      title: '状态',
      dataIndex: 'state',
      width: 90,
      render: (_: string, m) => <MeetingStateTag state={m.state} label={m.stateLabel} />,
    },
    {
      title: '成员单位',
      dataIndex: 'memberUnitIds',
      render: (ids: string[]) => <UnitTags ids={ids} />,
    },
  ];

  return (
    <>
      <PageHeader
        title="联席会议"
        subTitle="县纪委监委牵头，县委办、县政府办、县委组织部、县委编办等单位参加，研判模拟问责事项"
        extra={
          <>
            <JointNav />
            <ListExport path="/meetings/export.xlsx" list={list} />
            <NewButton to="/meetings/new" allowed={canManage}>
              新建会议
            </NewButton>
          </>
        }
      />
      <ListTable list={list} result={result} columns={columns} emptyText="暂无联席会议" testId="meeting-table" />
    </>
  );
}
