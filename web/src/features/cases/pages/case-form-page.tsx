import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Radio, Select, Space } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { CASE_KINDS, CASE_SOURCES } from '../../../../../common/cases';
import { useSituationOptions } from '../../../lib/rule-items';
import { ZCreateCase } from '../../../../../common/cases.schema';
import { PersonSelect, UnitSelect } from '../../../components/entity-selects';
import { PageForm } from '../../../components/page-form';
import { PageHeader } from '../../../components/page-header';
import { applyFormErrors, notifyError, notifySuccess } from '../../../lib/notify';
import { useMe } from '../../../lib/session';
import { useCaseOfficers, useCreateCase } from '../api/cases';
import { officerOptions, renderOfficerOption } from '../components/officer-options';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

/** The limits the server validates (common/cases.schema.ts). */
const LIMITS = {
  title: maxLengthOf(ZCreateCase.shape.title),
  summary: maxLengthOf(ZCreateCase.shape.summary),
  field: maxLengthOf(ZCreateCase.shape.field),
};

interface Values {
  kind: string;
  sourceId?: string;
  title: string;
  summary?: string;
  situation: number;
  sourceType: string;
  subjects: { subjectType: 'person' | 'unit'; personId?: string; unitId?: string }[];
  teamUserIds: string[];
  field?: string;
  highAttention?: boolean;
  importantPost?: boolean;
}

/** 问责立项: kind, situation, subjects and the investigation team; the commission leader approves the launch. */
export function CaseFormPage() {
  const situationOptions = useSituationOptions();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const create = useCreateCase();
  const officers = useCaseOfficers();
  const me = useMe().data;
  // A leader or a 联审 signer opens a case without joining its team: the team is whom they choose.
  const self = officers.data?.items.find((u) => u.userId === me?.user.id);
  const opensOnly = !!self?.teamRefusal;
  const minOthers = opensOnly ? 2 : 1;
  // Opened from a problem or a warning page: its link and title come along.
  const [params] = useSearchParams();
  const source = params.get('sourceType');

  const submit = async (values: Values) => {
    try {
      const c = await create.mutateAsync({ ...values, summary: values.summary ?? '', field: values.field ?? '' });
      notifySuccess(`已立项 ${c.code}，待委领导批准启动`);
      void navigate(`/cases/${c.id}`);
    } catch (e) {
      if (!applyFormErrors(form, e)) notifyError(e);
    }
  };

  return (
    <>
      <PageHeader title="问责立项" subTitle="调查组不少于二人；立项后报委领导批准启动" />
      <PageForm<Values>
        form={form}
        maxWidth={760}
        pending={create.isPending}
        initialValues={{
          kind: 'party',
          sourceType: source === 'problem' || source === 'warning' ? source : 'manual',
          sourceId: params.get('sourceId') ?? undefined,
          title: params.get('title') ?? undefined,
          subjects: [{ subjectType: 'person' }],
          teamUserIds: [],
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="kind" label="问责类型" rules={[{ required: true }]}>
          <Radio.Group options={Object.entries(CASE_KINDS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <TextItem
          max={LIMITS.title}
          name="title"
          label="案件名称"
          rules={[{ required: true, message: '请填写案件名称' }]}
        >
          <Input autoFocus />
        </TextItem>
        <Form.Item
          name="situation"
          label="问责情形（《中国共产党问责条例》第七条）"
          rules={[{ required: true, message: '请选择问责情形' }]}
        >
          <Select options={situationOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="sourceType" label="案件来源" rules={[{ required: true }]}>
          <Select
            options={Object.entries(CASE_SOURCES)
              .filter(([k]) => k !== 'dual')
              .map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="sourceId" hidden>
          <Input />
        </Form.Item>
        <TextItem max={LIMITS.summary} name="summary" label="简要案情">
          <Input.TextArea rows={3} />
        </TextItem>
        <Form.List name="subjects">
          {(fields, { add, remove }) => (
            <Form.Item label="问责对象" required>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'subjectType']} noStyle>
                    <Select
                      style={{ width: 90 }}
                      options={[
                        { value: 'person', label: '个人' },
                        { value: 'unit', label: '组织' },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['subjects', field.name, 'subjectType']) === 'unit' ? (
                        <Form.Item
                          name={[field.name, 'unitId']}
                          rules={[{ required: true, message: '请选择单位' }]}
                          style={{ width: 420, margin: 0 }}
                        >
                          <UnitSelect />
                        </Form.Item>
                      ) : (
                        <Form.Item
                          name={[field.name, 'personId']}
                          rules={[{ required: true, message: '请选择人员' }]}
                          style={{ width: 420, margin: 0 }}
                        >
                          <PersonSelect />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                  {fields.length > 1 ? (
                    <MinusCircleOutlined aria-label="移除" onClick={() => remove(field.name)} />
                  ) : null}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ subjectType: 'person' })}>
                添加问责对象
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item
          name="teamUserIds"
          label="调查组其他成员"
          extra={
            opensOnly
              ? `您（${self?.roleLabel}）不加入调查组，请选择至少二名调查人员；委领导和联审签署人不能担任调查人员`
              : '立项人自动列入调查组；调查组不少于二人；委领导和联审签署人不能担任调查人员'
          }
          rules={[
            {
              required: true,
              type: 'array',
              min: minOthers,
              message: opensOnly ? '请选择至少二名调查人员' : '请至少再选择一名调查人员',
            },
          ]}
        >
          <Select
            mode="multiple"
            loading={officers.isLoading}
            options={officerOptions(
              (officers.data?.items ?? []).filter((u) => u.userId !== me?.user.id),
              { team: true },
            )}
            optionRender={renderOfficerOption}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <TextItem
          max={LIMITS.field}
          name="field"
          label="所属领域"
          extra="安全生产、食品药品安全等敏感领域的案件须提级预审"
        >
          <Input />
        </TextItem>
        <Space>
          <Form.Item name="highAttention" valuePropName="checked">
            <Checkbox>社会关注度高</Checkbox>
          </Form.Item>
          <Form.Item name="importantPost" valuePropName="checked">
            <Checkbox>涉及重要岗位人员</Checkbox>
          </Form.Item>
        </Space>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            提交立项
          </Button>
          <Button onClick={() => void navigate('/cases')}>取消</Button>
        </Space>
      </PageForm>
    </>
  );
}
