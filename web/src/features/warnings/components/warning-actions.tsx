import { Button, type ButtonProps, Flex, Form, Input, Modal, Popconfirm, Radio } from 'antd';
import { useState } from 'react';
import { ZWarningEvent } from '../../../../../common/warnings.schema';
import { notifySuccess, quietly } from '../../../lib/notify';
import { useWarningEvent, type WarningAction, type WarningDetail } from '../api/warnings';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

/** The limit the server validates (common/warnings.schema.ts). */
const COMMENT_MAX = maxLengthOf(ZWarningEvent.shape.comment);

const ORDER: WarningAction[] = ['issue', 'answer', 'resolve', 'escalate', 'dismiss'];

type ModalAction = Exclude<WarningAction, 'issue'>;

const MODALS: Record<ModalAction, { title: string; button: string; label: string; done: string; hint?: string }> = {
  answer: {
    title: '报送整改方案',
    button: '报送整改方案',
    label: '整改方案',
    done: '整改方案已报送',
    hint: '请写明整改措施、牵头领导和完成时限。报送后由纪委监委跟踪整改情况。',
  },
  resolve: {
    title: '风险化解',
    button: '风险化解',
    label: '风险化解情况',
    done: '已确认风险化解',
    hint: '确认后模拟问责单办结，不能再修改。',
  },
  escalate: {
    title: '升级处理',
    button: '升级处理',
    label: '说明',
    done: '已升级处理',
    hint: '升级后模拟问责单办结，不能撤回。',
  },
  dismiss: {
    title: '不予预警',
    button: '不予预警',
    label: '不予预警的理由',
    done: '已不予预警',
    hint: '确认后模拟问责单办结，不能撤回。',
  },
};

interface Values {
  comment?: string;
  target?: 'problem' | 'proposal';
}

function ActionModal({ type, warning, onClose }: { type: ModalAction; warning: WarningDetail; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const fire = useWarningEvent(warning.id);
  const m = MODALS[type];
  const target = Form.useWatch('target', form);
  const commentRequired = type !== 'escalate' || target === 'proposal';
  const submit = async (v: Values) => {
    const done = await quietly(
      fire.mutateAsync({ type, version: warning.version, comment: v.comment?.trim() ?? '', target: v.target }),
    );
    if (done) {
      notifySuccess(m.done);
      onClose();
    }
  };
  return (
    <Modal
      open
      title={m.title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      confirmLoading={fire.isPending}
      destroyOnHidden
      okButtonProps={
        { danger: type === 'escalate' || type === 'dismiss', 'data-testid': 'warning-submit' } as ButtonProps
      }
    >
      {m.hint ? <p style={{ color: '#888' }}>{m.hint}</p> : null}
      <Form<Values> form={form} layout="vertical" name={`warning-${type}`} onFinish={(v) => void submit(v)}>
        {type === 'escalate' ? (
          <Form.Item name="target" label="升级方式" rules={[{ required: true, message: '请选择升级方式' }]}>
            <Radio.Group
              aria-label="升级方式"
              options={[
                { value: 'problem', label: '转为问题交办' },
                { value: 'proposal', label: '提出问责建议' },
              ]}
            />
          </Form.Item>
        ) : null}
        <TextItem
          max={COMMENT_MAX}
          name="comment"
          label={type === 'escalate' && target === 'proposal' ? '问责建议的理由' : m.label}
          rules={[...(commentRequired ? [{ required: true, whitespace: true, message: `请填写${m.label}` }] : [])]}
        >
          <Input.TextArea rows={5} aria-label={m.label} />
        </TextItem>
      </Form>
    </Modal>
  );
}

/** The buttons of the warning's `actions`, nothing else. */
export function WarningActions({ warning }: { warning: WarningDetail }) {
  const fire = useWarningEvent(warning.id);
  const [open, setOpen] = useState<ModalAction | null>(null);
  const actions = ORDER.filter((a) => warning.actions.includes(a));
  if (actions.length === 0) return null;
  const issue = async () => {
    const done = await quietly(fire.mutateAsync({ type: 'issue', version: warning.version }));
    if (done) notifySuccess('提醒函已发出');
  };
  return (
    <Flex gap={8} wrap data-testid="warning-actions">
      {actions.map((a) =>
        a === 'issue' ? (
          <Popconfirm
            key={a}
            title="发出提醒函后将通知责任单位并抄送分管县领导。确定发出？"
            okText="确定"
            cancelText="取消"
            onConfirm={issue}
          >
            <Button type="primary" loading={fire.isPending}>
              发出提醒函
            </Button>
          </Popconfirm>
        ) : (
          <Button
            key={a}
            type={a === 'answer' || a === 'resolve' ? 'primary' : 'default'}
            danger={a === 'escalate'}
            onClick={() => setOpen(a)}
          >
            {MODALS[a].button}
          </Button>
        ),
      )}
      {open ? <ActionModal type={open} warning={warning} onClose={() => setOpen(null)} /> : null}
    </Flex>
  );
}
