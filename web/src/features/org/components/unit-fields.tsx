import { Form, Input, InputNumber, Select } from 'antd';
import { UnitSelect } from '../../../components/entity-selects';
import { UNIT_TYPE_LABELS } from '../../../lib/labels';
import { ZCreateUnit } from '../../../../../common/org.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

const TYPE_OPTIONS = Object.entries(UNIT_TYPE_LABELS).map(([value, label]) => ({ value, label }));

/** Form items shared by "新增单位" and the 基本信息 tab. */
export function UnitFields({ disabled, selfId }: { disabled?: boolean; selfId?: string }) {
  return (
    <>
      <TextItem
        max={maxLengthOf(ZCreateUnit.shape.name)}
        label="单位名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请输入单位名称' }]}
      >
        <Input disabled={disabled} />
      </TextItem>
      <TextItem max={maxLengthOf(ZCreateUnit.shape.shortName)} label="简称" name="shortName">
        <Input disabled={disabled} />
      </TextItem>
      <TextItem
        max={maxLengthOf(ZCreateUnit.shape.code)}
        label="单位编码"
        name="code"
        rules={[
          { required: true, message: '请填写单位编码' },
          { pattern: /^[A-Za-z0-9_-]{1,30}$/, message: '单位编码只能包含字母、数字、下划线和短横线，最多30位' },
        ]}
      >
        <Input disabled={disabled} />
      </TextItem>
      <Form.Item label="单位类型" name="type" rules={[{ required: true, message: '请选择单位类型' }]}>
        <Select options={TYPE_OPTIONS} disabled={disabled} placeholder="请选择" />
      </Form.Item>
      <Form.Item label="上级单位" name="parentId" extra="不选则为顶级单位">
        <UnitSelect excludeId={selfId} placeholder="选择上级单位" />
      </Form.Item>
      <Form.Item label="排序号" name="sortOrder">
        <InputNumber min={0} max={99999} precision={0} disabled={disabled} style={{ width: 160 }} />
      </Form.Item>
    </>
  );
}
