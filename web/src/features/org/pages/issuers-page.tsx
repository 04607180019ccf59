import { Alert, Button, Form, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import { ZUpdateIssuer } from '../../../../../common/org.schema';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { notifySuccess, submitForm, validValues } from '../../../lib/notify';
import { maxLengthOf } from '../../../lib/schema-limits';
import { usePermission } from '../../../lib/session';
import { type Issuer, type IssuerFilters, type IssuerInput, useIssuers, useSaveIssuer } from '../api/issuers';
import { OrgNav } from '../components/org-nav';
import { TextItem } from '../../../components/text-item';

const FIELDS: { name: keyof IssuerInput; label: string; extra?: string }[] = [
  { name: 'name', label: '发文机关全称', extra: '红头（发文机关标志）' },
  { name: 'signature', label: '署名', extra: '落款，通常与全称相同' },
  { name: 'abbreviation', label: '机关代字', extra: '发文字号的代字，如“某纪”→ 某纪问决〔2026〕3号' },
  { name: 'shortName', label: '简称', extra: '正文中的称呼，如“县纪委”' },
];

function IssuerModal({ issuer, onClose }: { issuer: Issuer | null; onClose: () => void }) {
  const [form] = Form.useForm<IssuerInput>();
  const save = useSaveIssuer();
  const submit = async () => {
    if (!issuer) return;
    const input = await validValues(form);
    if (!input) return;
    await submitForm(form, async () => {
      await save.mutateAsync({ code: issuer.code, input });
      notifySuccess('已保存，此后印发的文书使用新的名称');
      onClose();
    });
  };
  return (
    <Modal
      open={!!issuer}
      title={issuer?.label}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={issuer ?? undefined} preserve={false}>
        {FIELDS.map((f) => (
          <TextItem
            max={maxLengthOf(ZUpdateIssuer.shape[f.name])}
            key={f.name}
            name={f.name}
            label={f.label}
            extra={f.extra}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input />
          </TextItem>
        ))}
      </Form>
    </Modal>
  );
}

/** 发文机关: the offices that head, sign and number the region's official documents. */
export function IssuersPage() {
  const canEdit = usePermission('org:write');
  const list = useListParams<IssuerFilters>([]);
  const result = useIssuers(list.query);
  const [editing, setEditing] = useState<Issuer | null>(null);
  return (
    <>
      <PageHeader
        title="发文机关"
        extra={
          <>
            <OrgNav />
            <ListExport path="/issuers/export.xlsx" list={list} />
          </>
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="文书的红头、署名和发文字号取自这里；已印发的文书保留印发时的名称和文号。"
      />
      <ListTable<Issuer, IssuerFilters>
        list={list}
        result={result}
        rowKey="code"
        emptyText="暂无发文机关"
        unit="个"
        testId="issuer-table"
        columns={[
          { title: '机关', dataIndex: 'label', width: 200 },
          { title: '全称（红头）', dataIndex: 'name' },
          { title: '机关代字', dataIndex: 'abbreviation', width: 100 },
          { title: '简称', dataIndex: 'shortName', width: 160 },
          {
            title: '来源',
            dataIndex: 'custom',
            width: 110,
            render: (v: boolean) => (v ? <Tag color="blue">已设置</Tag> : <Tag>按地区名称</Tag>),
          },
          ...(canEdit
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, i: Issuer) => (
                    <Button type="link" size="small" onClick={() => setEditing(i)}>
                      编辑
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <IssuerModal issuer={editing} onClose={() => setEditing(null)} />
    </>
  );
}
