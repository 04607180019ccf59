import { App, Button, Card, Descriptions, Space, type TableProps, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { SUBJECT_KINDS, type SubjectKind } from '../../../../../common/assessment';
import { DetailTable } from '../../../components/detail-table';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { unitTypeLabel } from '../../../lib/labels';
import { notifySuccess, quietly } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import {
  type Indicator,
  type IndicatorInput,
  type SystemDetail,
  useCopySystem,
  useIndicatorEdits,
  useSystem,
} from '../api/systems';
import { AssessmentNav } from '../components/assessment-nav';
import { IndicatorModal } from '../components/indicator-modal';

const LEVELS = ['', '一级', '二级', '三级'];
interface Node extends Indicator {
  children?: Node[];
}

/** The flat, tree-ordered indicators as nested rows (antd expands `children`). */
function treeOf(indicators: Indicator[]): Node[] {
  const byParent = new Map<string | null, Node[]>();
  for (const i of [...indicators].sort((a, b) => a.seq - b.seq)) {
    const siblings = byParent.get(i.parentId) ?? [];
    siblings.push({ ...i });
    byParent.set(i.parentId, siblings);
  }
  const attach = (nodes: Node[]): Node[] =>
    nodes.map((n) => {
      const kids = byParent.get(n.id);
      return kids ? { ...n, children: attach(kids) } : n;
    });
  return attach(byParent.get(null) ?? []);
}

type Editing = { mode: 'add'; parent: Indicator | null } | { mode: 'edit'; indicator: Indicator } | null;

function IndicatorTree({ system, canManage }: { system: SystemDetail; canManage: boolean }) {
  const { modal } = App.useApp();
  const edits = useIndicatorEdits(system.id);
  const [editing, setEditing] = useState<Editing>(null);
  const save = async (values: Omit<IndicatorInput, 'parentId'>) => {
    if (!editing) return;
    if (editing.mode === 'add') {
      await edits.add.mutateAsync({ ...values, parentId: editing.parent?.id ?? null, version: system.version });
    } else {
      await edits.update.mutateAsync({ ...values, indicatorId: editing.indicator.id, version: system.version });
    }
    notifySuccess('指标已保存');
    setEditing(null);
  };
  const columns: TableProps<Node>['columns'] = [
    {
      title: '指标',
      dataIndex: 'name',
      render: (v: string, i) => (
        <>
          <Tag>{LEVELS[i.level] ?? `${i.level}级`}</Tag>
          <span>{v}</span>
        </>
      ),
    },
    { title: '分值', dataIndex: 'weight', width: 80 },
    {
      title: '计分方式',
      key: 'method',
      width: 240,
      render: (_, i) => (
        <>
          {i.methodLabel}
          {i.metricLabel ? (
            <Tooltip title={i.metricDoc}>
              ：<Tag color="blue">{i.metricLabel}</Tag>
            </Tooltip>
          ) : null}
          {i.veto ? <Tag color="red">一票否决</Tag> : null}
        </>
      ),
    },
    { title: '评价人', key: 'evaluators', width: 120, render: (_, i) => i.evaluators.join('、') || '—' },
    { title: '说明', dataIndex: 'description', ellipsis: true },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'ops',
            width: 200,
            render: (_: unknown, i: Node) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', indicator: i })}>
                  修改
                </Button>
                {i.level < 3 ? (
                  <Button type="link" size="small" onClick={() => setEditing({ mode: 'add', parent: i })}>
                    添加下级
                  </Button>
                ) : null}
                <Button
                  type="link"
                  size="small"
                  danger
                  onClick={() =>
                    modal.confirm({
                      title: '删除指标',
                      content: `删除“${i.name}”${i.children?.length ? '及其全部下级指标' : ''}？`,
                      okButtonProps: { danger: true },
                      onOk: () =>
                        quietly(
                          edits.remove
                            .mutateAsync({ indicatorId: i.id, version: system.version })
                            .then(() => notifySuccess('指标已删除')),
                        ),
                    })
                  }
                >
                  删除
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];
  const pending = edits.add.isPending || edits.update.isPending;
  return (
    <Card
      title="指标"
      size="small"
      extra={canManage ? <Button onClick={() => setEditing({ mode: 'add', parent: null })}>新增一级指标</Button> : null}
    >
      <DetailTable<Node>
        columns={columns}
        dataSource={treeOf(system.indicators)}
        expandable={{ defaultExpandAllRows: true }}
        key={system.version}
        data-testid="indicator-tree"
        locale={{ emptyText: '尚无指标，请新增一级指标' }}
      />
      {editing ? (
        <IndicatorModal
          title={
            editing.mode === 'edit'
              ? '修改指标'
              : editing.parent
                ? `新增“${editing.parent.name}”的下级指标`
                : '新增一级指标'
          }
          initial={editing.mode === 'edit' ? editing.indicator : undefined}
          subjectKind={system.subjectKind as SubjectKind}
          pending={pending}
          onSubmit={save}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

/** One indicator system: its tree (editable by the office) and 复制到下一年度. */
export function SystemDetailPage() {
  const { id } = useParams();
  const query = useSystem(id);
  const s = query.data;
  const canManage = usePermission('assessment:manage');
  const copy = useCopySystem(id ?? '');
  const { modal } = App.useApp();
  const navigate = useNavigate();
  if (!s) return <QueryFallback query={query} what="指标体系" />;
  const next = s.year + 1;
  return (
    <>
      <PageHeader
        title={
          <>
            {s.name} <Tag>{s.year}年度</Tag>
          </>
        }
        subTitle={s.description}
        extra={
          <>
            <AssessmentNav />
            {canManage ? (
              <Button
                onClick={() =>
                  modal.confirm({
                    title: '复制到下一年度',
                    content: `将“${s.name}”的全部指标复制为 ${next} 年度的新体系？`,
                    onOk: () =>
                      quietly(
                        copy.mutateAsync(next).then((c) => {
                          notifySuccess(`已复制为 ${next} 年度体系`);
                          void navigate(`/assessment/systems/${c.id}`);
                        }),
                      ),
                  })
                }
              >
                复制到下一年度
              </Button>
            ) : null}
          </>
        }
      />
      <Descriptions
        size="small"
        style={{ marginBottom: 12 }}
        items={[
          { key: 'subject', label: '考核对象', children: SUBJECT_KINDS[s.subjectKind as SubjectKind] ?? s.subjectKind },
          { key: 'type', label: '适用单位类型', children: s.unitType ? unitTypeLabel(s.unitType) : '全部单位' },
          {
            key: 'total',
            label: '总分值',
            children: s.totalWeight === 100 ? s.totalWeight : <Tag color="warning">{s.totalWeight}（不等于100）</Tag>,
          },
          { key: 'count', label: '指标数', children: s.indicators.length },
        ]}
      />
      <IndicatorTree system={s} canManage={canManage} />
    </>
  );
}
