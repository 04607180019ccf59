import { Form, Input, Modal, Typography } from 'antd';
import { applyFormErrors, notifyError, notifySuccess } from '../../../lib/notify';
import { ZCreateCommonGroup } from '../../../../../common/problems.schema';
import { useCreateCommonGroup } from '../api/groups';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

/** The limits the server validates (common/problems.schema.ts). */
const TITLE_MAX = maxLengthOf(ZCreateCommonGroup.shape.title);
const DESCRIPTION_MAX = maxLengthOf(ZCreateCommonGroup.shape.description);

interface Values {
  title: string;
  description?: string;
}

/** 归入共性问题: link the selected problems into one group (举一反三). */
export function CommonGroupModal({
  open,
  problemIds,
  onClose,
  onCreated,
}: {
  open: boolean;
  problemIds: string[];
  onClose: () => void;
  onCreated: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const create = useCreateCommonGroup();
  const submit = (v: Values) =>
    create.mutate(
      { title: v.title, description: v.description ?? '', problemIds },
      {
        onSuccess: () => {
          notifySuccess(`已将 ${problemIds.length} 个问题归入共性问题`);
          onCreated();
        },
        onError: (err) => {
          if (!applyFormErrors(form, err)) notifyError(err);
        },
      },
    );
  return (
    <Modal
      title="归入共性问题"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        已选择 {problemIds.length} 个问题，将作为一组共性问题举一反三、同步整改。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="commonGroup" onFinish={submit} preserve={false}>
        <TextItem
          max={TITLE_MAX}
          name="title"
          label="共性问题名称"
          rules={[{ required: true, whitespace: true, message: '请填写共性问题名称' }]}
        >
          <Input />
        </TextItem>
        <TextItem max={DESCRIPTION_MAX} name="description" label="说明">
          <Input.TextArea rows={3} />
        </TextItem>
      </Form>
    </Modal>
  );
}
