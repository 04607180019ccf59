import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Form, Input, InputNumber, Result, Row, Select, Spin, Switch } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ACCOUNTABILITY_FORMS,
  DUTY_KINDS,
  RESPONSIBILITY_KINDS,
  RESPONSIBLE_WHO,
} from '../../../../../common/warnings';
import { ZUpdateSituation } from '../../../../../common/warnings.schema';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api';
import { applyFormErrors, notifyError, notifySuccess } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import {
  type Situation,
  type SituationInput,
  situationKeys,
  useCreateSituation,
  useSituation,
  useUpdateSituation,
} from '../api/situations';
import { isInvalidJson, NEW_CONDITION, RuleEditor } from '../components/rule-editor';
import { SituationPreview } from '../components/situation-preview';
import { JointNav } from '../../../components/joint-nav';
import { useRuleItems, useSituationOptions } from '../../../lib/rule-items';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

/** The limits the server validates (common/warnings.schema.ts). */
const LIMITS = {
  name: maxLengthOf(ZUpdateSituation.shape.name),
  description: maxLengthOf(ZUpdateSituation.shape.description),
  rectifyDays: ZUpdateSituation.shape.rectifyDays.unwrap(),
};

/** A UUID for Idempotency-Key (crypto.randomUUID needs a secure context; plain-HTTP intranets lack it). */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

const NEW_VALUES: SituationInput = {
  code: '',
  name: '',
  description: '',
  article: 11,
  responsibleRoles: [{ who: 'unit_principal', responsibility: '主要领导责任', duty: '决策责任' }],
  forms: ['通报'],
  rectifyDays: 10,
  rectifyDayType: 'working',
  rule: { all: [{ ...NEW_CONDITION }] },
  active: false,
};

const valuesOf = (s: Situation): SituationInput => ({
  code: s.code,
  name: s.name,
  description: s.description,
  article: s.article,
  responsibleRoles: s.responsibleRoles,
  forms: s.forms,
  rectifyDays: s.rectifyDays,
  rectifyDayType: s.rectifyDayType,
  rule: s.rule,
  active: s.active,
});

/** A Form.List cell that shares the row. */
const cell = (flex: number): React.CSSProperties => ({ flex, minWidth: 0, marginBottom: 12 });

const options = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));

function SituationForm({ situation, canManage }: { situation?: Situation; canManage: boolean }) {
  const situationOptions = useSituationOptions();
  const forms = useRuleItems('forms');
  const [form] = Form.useForm<SituationInput>();
  const rule = Form.useWatch('rule', form);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const create = useCreateSituation();
  const update = useUpdateSituation();
  const [key, setKey] = useState(newKey);
  const saving = create.isPending || update.isPending;

  const fail = (err: unknown) => {
    if (!applyFormErrors(form, err)) notifyError(err);
    if (err instanceof ApiError && err.status === 409)
      void qc.invalidateQueries({ queryKey: situationKeys.detail(situation?.id ?? '') });
  };

  const submit = async (v: SituationInput) => {
    const input = { ...v, description: v.description ?? '' };
    try {
      if (!situation) {
        const created = await create.mutateAsync({ input, key });
        setKey(newKey());
        notifySuccess('情形已新增');
        void navigate(`/warnings/situations/${created.id}`, { replace: true });
        return;
      }
      // The detail query is updated with the saved record; the form then remounts at the new version.
      await update.mutateAsync({ ...input, id: situation.id, version: situation.version });
      notifySuccess('情形已保存');
    } catch (err) {
      fail(err);
    }
  };

  return (
    <Form<SituationInput>
      form={form}
      layout="vertical"
      name="situation"
      initialValues={situation ? valuesOf(situation) : NEW_VALUES}
      onFinish={(v) => void submit(v)}
      disabled={!canManage || saving}
      scrollToFirstError
    >
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card size="small" title="情形" style={{ marginBottom: 16 }}>
            <TextItem
              max={LIMITS.name}
              name="name"
              label="情形名称"
              rules={[{ required: true, whitespace: true, message: '请填写情形名称' }]}
            >
              <Input />
            </TextItem>
            <TextItem
              max={maxLengthOf(ZUpdateSituation.shape.code)}
              name="code"
              label="编码"
              rules={[
                { required: true, message: '请填写编码' },
                { pattern: /^[A-Za-z0-9_-]{2,40}$/, message: '编码只能包含字母、数字、下划线和短横线，2至40位' },
              ]}
            >
              <Input placeholder="如 S10-ENV" />
            </TextItem>
            <TextItem max={LIMITS.description} name="description" label="情形描述">
              <Input.TextArea rows={3} />
            </TextItem>
            <Form.Item
              name="article"
              label="问责条例依据（第七条）"
              rules={[{ required: true, message: '请选择依据' }]}
            >
              <Select options={situationOptions} popupMatchSelectWidth={false} />
            </Form.Item>
            <Form.Item
              name="forms"
              label="可能的问责方式（第八条）"
              rules={[{ required: true, message: '请至少选择一种问责方式' }]}
            >
              <Select mode="multiple" options={ACCOUNTABILITY_FORMS.map((v) => ({ value: v, label: forms.text(v) }))} />
            </Form.Item>
            <Flex gap={12} wrap>
              <Form.Item name="rectifyDays" label="整改期限" rules={[{ required: true, message: '请填写整改期限' }]}>
                <InputNumber
                  min={LIMITS.rectifyDays.minValue ?? undefined}
                  max={LIMITS.rectifyDays.maxValue ?? undefined}
                  precision={0}
                  style={{ width: 120 }}
                />
              </Form.Item>
              <Form.Item name="rectifyDayType" label="计算方式">
                <Select
                  style={{ width: 120 }}
                  options={[
                    { value: 'working', label: '工作日' },
                    { value: 'calendar', label: '自然日' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="active" label="启用" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Flex>
          </Card>
          <Card size="small" title="可能被问责的人员" style={{ marginBottom: 16 }}>
            <Form.List
              name="responsibleRoles"
              rules={[
                {
                  validator: async (_, v: unknown[]) => {
                    if (!v?.length) throw new Error('至少指定一类可能被问责的人员');
                  },
                },
              ]}
            >
              {(fields, { add, remove }, { errors }) => (
                <>
                  {fields.map(({ key: k, name }) => (
                    <Flex key={k} gap={8} align="baseline">
                      <Form.Item style={cell(1.3)} name={[name, 'who']} rules={[{ required: true, message: '请选择' }]}>
                        <Select
                          aria-label="人员类型"
                          style={{ width: '100%' }}
                          options={Object.entries(RESPONSIBLE_WHO).map(([value, label]) => ({ value, label }))}
                        />
                      </Form.Item>
                      <Form.Item
                        style={cell(1.1)}
                        name={[name, 'responsibility']}
                        rules={[{ required: true, message: '请选择' }]}
                      >
                        <Select
                          aria-label="责任类型"
                          style={{ width: '100%' }}
                          options={options(RESPONSIBILITY_KINDS)}
                        />
                      </Form.Item>
                      <Form.Item style={cell(1)} name={[name, 'duty']} rules={[{ required: true, message: '请选择' }]}>
                        <Select aria-label="职责类型" style={{ width: '100%' }} options={options(DUTY_KINDS)} />
                      </Form.Item>
                      {canManage && fields.length > 1 ? (
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label="删除"
                          onClick={() => remove(name)}
                        />
                      ) : null}
                    </Flex>
                  ))}
                  <Form.ErrorList errors={errors} />
                  {canManage && fields.length < 6 ? (
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => add({ who: 'responsible_person', responsibility: '直接责任', duty: '执行责任' })}
                    >
                      添加人员类型
                    </Button>
                  ) : null}
                </>
              )}
            </Form.List>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title="触发规则" style={{ marginBottom: 16 }}>
            <Form.Item
              name="rule"
              rules={[
                {
                  validator: async (_, v: unknown) => {
                    if (isInvalidJson(v)) throw new Error('规则 JSON 格式不正确，请修改后再保存');
                  },
                },
              ]}
            >
              <RuleEditor />
            </Form.Item>
          </Card>
          {canManage ? (
            <Card size="small" title="命中预览" style={{ marginBottom: 16 }}>
              <SituationPreview rule={rule} />
            </Card>
          ) : null}
        </Col>
      </Row>
      {canManage ? (
        <Button type="primary" htmlType="submit" loading={saving} disabled={saving}>
          {situation ? '保存' : '新增情形'}
        </Button>
      ) : null}
    </Form>
  );
}

/** 情形详情 / 新增情形. */
export function SituationFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const canManage = usePermission('warnings:manage');
  const { data, isLoading, error } = useSituation(id);
  if (id && isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (id && (error || !data))
    return (
      <Result status="404" title="情形不存在或无权查看" extra={<Link to="/warnings/situations">返回情形目录</Link>} />
    );
  return (
    <>
      <PageHeader
        title={data ? data.name : '新增情形'}
        subTitle={data ? `${data.code} · 版本 ${data.version}` : '新增的情形默认停用，预览核实后再启用'}
        extra={
          <>
            <JointNav />
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/warnings/situations')}>
              返回
            </Button>
          </>
        }
      />
      {/* Keyed by version: a reload after a conflict starts from the current record. */}
      <SituationForm key={data ? `${data.id}:${data.version}` : 'new'} situation={data} canManage={canManage} />
    </>
  );
}
