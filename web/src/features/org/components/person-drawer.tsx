import { Button, Col, Drawer, Form, Input, Row, Select, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { DetailTable } from '../../../components/detail-table';
import { UnitSelect } from '../../../components/entity-selects';
import { formatDate } from '../../../lib/format';
import { applyFormErrors, notifySuccess } from '../../../lib/notify';
import { type PersonInput, type PostHistory, usePerson, useSavePerson } from '../api/people';
import { ZCreatePerson } from '../../../../../common/org.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

const GENDER_OPTIONS = [
  { value: '男', label: '男' },
  { value: '女', label: '女' },
];

/** Add (personId null) or edit a person; shows the history of posts when editing. */
export function PersonDrawer({
  open,
  personId,
  defaultUnitId,
  onClose,
}: {
  open: boolean;
  personId: string | null;
  defaultUnitId?: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<PersonInput>();
  const { data: person, isFetching } = usePerson(open ? personId : null);
  const save = useSavePerson();

  useEffect(() => {
    if (!open) return;
    if (personId && person) {
      form.setFieldsValue({
        name: person.name,
        gender: person.gender,
        unitId: person.unitId,
        post: person.post,
        rank: person.rank,
        partyMember: person.partyMember,
        isLeader: person.isLeader,
        phone: person.phone,
        email: person.email,
      });
    } else if (!personId) {
      form.resetFields();
      form.setFieldsValue({ unitId: defaultUnitId, partyMember: true, isLeader: false });
    }
  }, [open, personId, person, form, defaultUnitId]);

  const submit = (values: PersonInput) =>
    save.mutate(
      {
        id: personId ?? undefined,
        input: {
          ...values,
          unitId: values.unitId ?? null,
          post: values.post?.trim() ?? '',
          rank: values.rank?.trim() ?? '',
          phone: values.phone?.trim() ?? '',
          email: values.email?.trim() ?? '',
        },
        version: person?.version,
      },
      {
        onSuccess: () => {
          notifySuccess(personId ? '人员信息已保存' : '人员已新增');
          onClose();
        },
        onError: (err) => applyFormErrors(form, err),
      },
    );

  return (
    <Drawer
      title={personId ? '编辑人员' : '新增人员'}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      loading={!!personId && isFetching && !person}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} name="person" layout="vertical" onFinish={submit}>
        <Row gutter={16}>
          <Col span={12}>
            <TextItem
              max={maxLengthOf(ZCreatePerson.shape.name)}
              label="姓名"
              name="name"
              rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
            >
              <Input autoFocus />
            </TextItem>
          </Col>
          <Col span={12}>
            <Form.Item label="性别" name="gender">
              <Select options={GENDER_OPTIONS} allowClear />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="所在单位" name="unitId" rules={[{ required: true, message: '请选择单位' }]}>
          <UnitSelect />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <TextItem max={maxLengthOf(ZCreatePerson.shape.post)} label="职务" name="post">
              <Input />
            </TextItem>
          </Col>
          <Col span={12}>
            <TextItem max={maxLengthOf(ZCreatePerson.shape.rank)} label="职级" name="rank">
              <Input />
            </TextItem>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <TextItem
              max={maxLengthOf(ZCreatePerson.shape.phone)}
              label="联系电话"
              name="phone"
              rules={[
                { pattern: /^(|1\d{10}|0\d{2,3}-?\d{7,8})$/, message: '联系电话格式不正确（手机号或区号-座机号）' },
              ]}
            >
              <Input />
            </TextItem>
            <TextItem
              max={maxLengthOf(ZCreatePerson.shape.email)}
              label="电子邮箱"
              name="email"
              rules={[{ pattern: /^(|[^\s@]+@[^\s@]+\.[^\s@]+)$/, message: '电子邮箱格式不正确' }]}
            >
              <Input />
            </TextItem>
          </Col>
          <Col span={6}>
            <Form.Item label="中共党员" name="partyMember" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="领导干部" name="isLeader" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden aria-hidden />
      </Form>
      {personId && person?.posts?.length ? (
        <>
          <Typography.Title level={5}>任职经历</Typography.Title>
          <DetailTable<PostHistory>
            rowKey={(r) => `${r.unitName}-${r.post}-${r.from ?? ''}`}
            dataSource={person.posts}
            columns={[
              { title: '单位', dataIndex: 'unitName' },
              { title: '职务', dataIndex: 'post' },
              { title: '起', dataIndex: 'from', render: (v: string | null) => (v ? formatDate(v) : '—') },
              { title: '止', dataIndex: 'to', render: (v: string | null) => (v ? formatDate(v) : '至今') },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}
