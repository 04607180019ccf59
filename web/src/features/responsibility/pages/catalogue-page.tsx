import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { FREQUENCIES, SUBJECT_KINDS } from '../../../../../common/responsibility';
import { FormModal } from '../../../components/form-modal';
import { ChoiceFilter, FilterBar, SearchFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { XlsxImportModal } from '../../../components/xlsx-import-modal';
import { notifySuccess, quietly, submitForm } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import {
  type CatalogueFilters,
  type CatalogueItem,
  useCatalogue,
  useImportCatalogue,
  useSaveCatalogueItem,
} from '../api/responsibility';
import { ZCreateResponsibilityItem } from '../../../../../common/responsibility.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

const FILTERS = ['subjectKind', 'frequency', 'active', 'q'] as const;
const options = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** 主体责任事项目录: the office keeps the items per subject; .xlsx import (all or nothing) and export. */
export function CataloguePage() {
  const manage = usePermission('responsibility:manage');
  const list = useListParams<CatalogueFilters>(FILTERS, { filters: { active: 'true' } });
  const result = useCatalogue(list.query);
  const save = useSaveCatalogueItem();
  const importer = useImportCatalogue();
  const [editing, setEditing] = useState<CatalogueItem | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const toggle = async (x: CatalogueItem) => {
    const r = await quietly(save.mutateAsync({ id: x.id, version: x.version, active: !x.active }));
    if (r) notifySuccess(x.active ? '已停用' : '已启用');
  };
  return (
    <>
      <PageHeader
        title="主体责任事项目录"
        subTitle="派单时从目录选取事项；停用的事项不再用于生成季度派单"
        extra={
          manage ? (
            <Space>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                新增事项
              </Button>
            </Space>
          ) : null
        }
      />
      <FilterBar>
        <ChoiceFilter list={list} name="subjectKind" label="责任主体" labels={SUBJECT_KINDS} />
        <ChoiceFilter list={list} name="frequency" label="频次" labels={FREQUENCIES} />
        <ChoiceFilter list={list} name="active" label="状态" labels={{ true: '启用', false: '已停用' }} />
        <SearchFilter list={list} placeholder="责任类别或内容" />
        <ListExport path="/responsibility-items/export.xlsx" list={list} />
      </FilterBar>
      <ListTable<CatalogueItem, CatalogueFilters>
        list={list}
        result={result}
        emptyText="暂无责任事项"
        testId="catalogue-list"
        columns={[
          { title: '责任主体', dataIndex: 'subjectKindLabel', key: 'subjectKind', width: 110, sorter: true },
          { title: '责任', dataIndex: 'duty', width: 130 },
          { title: '类别', dataIndex: 'category', key: 'category', width: 120, sorter: true },
          { title: '责任内容', dataIndex: 'content' },
          { title: '量化指标', dataIndex: 'target', width: 180 },
          { title: '佐证材料', dataIndex: 'evidence', width: 160 },
          { title: '频次', dataIndex: 'frequencyLabel', width: 80 },
          {
            title: '状态',
            dataIndex: 'active',
            width: 80,
            render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>),
          },
          {
            title: '操作',
            width: 130,
            render: (_, x) =>
              x.actions.includes('update') ? (
                <Space size={4}>
                  <Button size="small" type="link" onClick={() => setEditing(x)}>
                    编辑
                  </Button>
                  <Popconfirm
                    title={x.active ? '停用后该事项不再派发，已派出的清单不受影响。确定停用？' : '确定重新启用该事项？'}
                    okText="确定"
                    cancelText="取消"
                    onConfirm={() => toggle(x)}
                  >
                    <Button size="small" type="link" danger={x.active}>
                      {x.active ? '停用' : '启用'}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
      {editing ? <ItemModal item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      <XlsxImportModal
        title="导入责任事项目录"
        open={importing}
        onClose={() => setImporting(false)}
        templatePath="/responsibility-items/export.xlsx"
        importer={importer}
        describe={(r) => `共导入责任事项 ${r.created} 条。`}
      />
    </>
  );
}

type ItemValues = Pick<
  CatalogueItem,
  'subjectKind' | 'category' | 'content' | 'target' | 'evidence' | 'frequency' | 'sortOrder'
>;

function ItemModal({ item, onClose }: { item: CatalogueItem | null; onClose: () => void }) {
  const [form] = Form.useForm<ItemValues>();
  const save = useSaveCatalogueItem();
  const submit = (v: ItemValues) =>
    submitForm(form, async () => {
      await save.mutateAsync(item ? { ...v, id: item.id, version: item.version } : v);
      notifySuccess(item ? '责任事项已修改' : '责任事项已新增');
      onClose();
    });
  return (
    <FormModal
      form={form}
      title={item ? '编辑责任事项' : '新增责任事项'}
      okText="保存"
      pending={save.isPending}
      onClose={onClose}
      width={640}
    >
      <Form<ItemValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          item ?? { subjectKind: 'member', frequency: 'quarterly', target: '', evidence: '', sortOrder: 0 }
        }
      >
        <Space style={{ width: '100%' }} align="start">
          <Form.Item name="subjectKind" label="责任主体" rules={[{ required: true }]} style={{ width: 160 }}>
            <Select options={options(SUBJECT_KINDS)} />
          </Form.Item>
          <TextItem
            max={maxLengthOf(ZCreateResponsibilityItem.shape.category)}
            name="category"
            label="责任类别"
            rules={[{ required: true, whitespace: true, message: '请填写责任类别' }]}
          >
            <Input />
          </TextItem>
          <Form.Item name="frequency" label="频次" rules={[{ required: true }]} style={{ width: 120 }}>
            <Select options={options(FREQUENCIES)} />
          </Form.Item>
          <Form.Item name="sortOrder" label="排序" style={{ width: 90 }}>
            <InputNumber min={0} max={100000} />
          </Form.Item>
        </Space>
        <TextItem
          max={maxLengthOf(ZCreateResponsibilityItem.shape.content)}
          name="content"
          label="责任内容"
          rules={[{ required: true, whitespace: true, message: '请填写责任内容' }]}
        >
          <Input.TextArea rows={3} />
        </TextItem>
        <TextItem max={maxLengthOf(ZCreateResponsibilityItem.shape.target)} name="target" label="量化指标">
          <Input placeholder="如：每季度至少专题研究1次" />
        </TextItem>
        <TextItem max={maxLengthOf(ZCreateResponsibilityItem.shape.evidence)} name="evidence" label="佐证材料">
          <Input placeholder="如：会议纪要、签到表" />
        </TextItem>
      </Form>
    </FormModal>
  );
}
