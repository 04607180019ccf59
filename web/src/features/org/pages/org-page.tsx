import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Popconfirm, Row, Space, Spin, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { useAllUnits } from '../../../components/entity-selects';
import { PageHeader } from '../../../components/page-header';
import { UNIT_TYPE_COLORS, unitTypeLabel } from '../../../lib/labels';
import { notifySuccess, quietly } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import { type Unit, useDeleteUnit, useUnit } from '../api/units';
import { CreateUnitModal } from '../components/create-unit-modal';
import { ImportModal } from '../components/import-modal';
import { OrgNav } from '../components/org-nav';
import { PeopleTable } from '../components/people-table';
import { UnitBasicForm } from '../components/unit-basic-form';
import { UnitLeadersForm } from '../components/unit-leaders-form';
import { UnitTree } from '../components/unit-tree';

export function OrgPage() {
  const canEdit = usePermission('org:write');
  const units = useAllUnits<Unit>();
  // ?unit=<id> (a link from the header's search) opens that unit; the tree changes it from then on.
  const linkedUnit = useSearchParams()[0].get('unit');
  const [selectedId, setSelectedId] = useState<string | null>(linkedUnit);
  useEffect(() => {
    if (linkedUnit) setSelectedId(linkedUnit);
  }, [linkedUnit]);
  const unit = useUnit(selectedId);
  const del = useDeleteUnit();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const current = unit.data;
  const canEditUnit = canEdit && (!current?.actions || current.actions.includes('update'));

  return (
    <>
      <PageHeader
        title="组织与人员"
        extra={
          <>
            <OrgNav />
            {canEdit ? (
              <Button icon={<PlusOutlined />} type="primary" onClick={() => setCreating(true)}>
                新增单位
              </Button>
            ) : null}
            {canEdit ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入
              </Button>
            ) : null}
            {canEdit ? <DownloadButton path="/org/import-template.xlsx">下载模板</DownloadButton> : null}
            <DownloadButton path="/units/export.xlsx">导出单位</DownloadButton>
            <DownloadButton path="/people/export.xlsx">导出人员</DownloadButton>
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} md={9} xl={7}>
          <Card size="small" title={`单位（${units.data?.total ?? 0}）`}>
            {units.isLoading ? (
              <Spin />
            ) : (
              <UnitTree units={units.data?.items ?? []} selectedId={selectedId} onSelect={setSelectedId} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={15} xl={17}>
          {!selectedId ? (
            <Card>
              <Empty description="请在左侧选择一个单位" />
            </Card>
          ) : !current ? (
            <Card loading />
          ) : (
            <Card
              title={
                <Space>
                  {current.name}
                  <Tag color={UNIT_TYPE_COLORS[current.type]}>{current.typeLabel ?? unitTypeLabel(current.type)}</Tag>
                </Space>
              }
              extra={
                canEdit && (!current.actions || current.actions.includes('delete')) ? (
                  <Popconfirm
                    title={`确定删除单位「${current.name}」吗？`}
                    description="有下级单位或人员的单位不能删除。"
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      quietly(
                        del.mutateAsync({ id: current.id, version: current.version }).then(() => {
                          notifySuccess('单位已删除');
                          setSelectedId(null);
                        }),
                      )
                    }
                  >
                    <Button danger icon={<DeleteOutlined />}>
                      删除单位
                    </Button>
                  </Popconfirm>
                ) : null
              }
            >
              <Tabs
                destroyOnHidden
                items={[
                  { key: 'basic', label: '基本信息', children: <UnitBasicForm unit={current} canEdit={canEditUnit} /> },
                  { key: 'people', label: '人员', children: <PeopleTable unitId={current.id} /> },
                  {
                    key: 'leaders',
                    label: '领导与联络员',
                    children: <UnitLeadersForm unit={current} canEdit={canEditUnit} />,
                  },
                ]}
              />
            </Card>
          )}
        </Col>
      </Row>
      <CreateUnitModal
        open={creating}
        parentId={selectedId}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setSelectedId(id);
        }}
      />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
