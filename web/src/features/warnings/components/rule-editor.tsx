import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, InputNumber, Segmented, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { RULE_FIELDS } from '../../../../../common/warnings';
import type { RuleCondition, RuleNode, RuleOp, RuleValue } from '../api/situations';
import { factValue, fieldLabel, VALUE_LABELS } from '../../../components/warning-facts';

type FieldType = 'number' | 'text' | 'boolean';

const FIELDS = RULE_FIELDS as Record<string, { type: FieldType; label: string }>;
const OPS: Record<FieldType, RuleOp[]> = {
  number: ['>=', '>', '<=', '<', '=', '!='],
  text: ['=', '!=', 'in', 'contains'],
  boolean: ['=', '!='],
};
const OP_LABELS: Record<RuleOp, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '等于',
  '!=': '不等于',
  in: '属于其中之一',
  contains: '包含',
};

/** Put on the form value while the JSON text does not parse, so the form refuses to save. */
export const INVALID_JSON = { __invalidJson: true } as const;
export const isInvalidJson = (v: unknown) => !!v && typeof v === 'object' && '__invalidJson' in v;

const typeOf = (field: string): FieldType => FIELDS[field]?.type ?? 'text';
const isObj = (n: unknown): n is Record<string, unknown> => !!n && typeof n === 'object' && !Array.isArray(n);
const isGroup = (n: unknown): n is { all: RuleNode[] } | { any: RuleNode[] } =>
  isObj(n) && (Array.isArray(n.all) || Array.isArray(n.any));
const isNot = (n: unknown): n is { not: RuleNode } => isObj(n) && 'not' in n;
const isCondition = (n: unknown): n is RuleCondition => isObj(n) && typeof n.field === 'string' && 'op' in n;

const defaultValue = (type: FieldType): RuleValue => (type === 'number' ? 0 : type === 'boolean' ? true : '');
export const NEW_CONDITION: RuleCondition = { field: 'working_days_overdue', op: '>=', value: 10 };

const opLabel = (op: string) => OP_LABELS[op as RuleOp] ?? op;

/** "逾期工作日数 ≥ 10 且（涉及单位数 ≥ 2 或 …）" */
export function ruleSummary(rule: unknown): string {
  if (isGroup(rule)) {
    const all = 'all' in rule;
    const kids = all ? rule.all : rule.any;
    const parts = kids.map((k) => (isGroup(k) && kids.length > 1 ? `（${ruleSummary(k)}）` : ruleSummary(k)));
    return parts.join(all ? ' 且 ' : ' 或 ');
  }
  if (isNot(rule)) return `非（${ruleSummary(rule.not)}）`;
  if (isCondition(rule)) {
    const type = typeOf(rule.field);
    const v = type === 'number' ? String(rule.value) : factValue(rule.field, rule.value);
    return `${fieldLabel(rule.field)} ${opLabel(rule.op)} ${v}`;
  }
  return '（规则格式不正确）';
}

interface NodeProps {
  node: unknown;
  onChange: (n: RuleNode) => void;
  onRemove?: () => void;
  disabled?: boolean;
  depth: number;
}

function ValueInput({
  c,
  onChange,
  disabled,
}: {
  c: RuleCondition;
  onChange: (v: RuleValue) => void;
  disabled?: boolean;
}) {
  const type = typeOf(c.field);
  if (type === 'number')
    return (
      <InputNumber
        aria-label="条件值"
        value={typeof c.value === 'number' ? c.value : null}
        onChange={(v) => onChange(typeof v === 'number' ? v : 0)}
        disabled={disabled}
        style={{ width: 120 }}
      />
    );
  if (type === 'boolean')
    return (
      <Select
        aria-label="条件值"
        value={c.value === true ? 'true' : c.value === false ? 'false' : undefined}
        onChange={(v) => onChange(v === 'true')}
        options={[
          { value: 'true', label: '是' },
          { value: 'false', label: '否' },
        ]}
        disabled={disabled}
        style={{ width: 100 }}
      />
    );
  const known = VALUE_LABELS[c.field];
  const options = known ? Object.entries(known).map(([value, label]) => ({ value, label })) : [];
  if (c.op === 'in')
    return (
      <Select
        aria-label="条件值"
        mode={known ? 'multiple' : 'tags'}
        value={Array.isArray(c.value) ? c.value : []}
        onChange={(v: string[]) => onChange(v)}
        options={options}
        tokenSeparators={['，', ',', '、']}
        placeholder={known ? '选择' : '输入后回车，可填多个'}
        disabled={disabled}
        style={{ minWidth: 240, flex: 1 }}
      />
    );
  if (known && c.op !== 'contains')
    return (
      <Select
        aria-label="条件值"
        value={typeof c.value === 'string' ? c.value : undefined}
        onChange={(v: string) => onChange(v)}
        options={options}
        disabled={disabled}
        style={{ width: 160 }}
      />
    );
  return (
    <Input
      aria-label="条件值"
      value={typeof c.value === 'string' ? c.value : ''}
      onChange={(e) => onChange(e.target.value)}
      disabled={disabled}
      style={{ width: 200 }}
    />
  );
}

function ConditionRow({ c, onChange, onRemove, disabled }: Omit<NodeProps, 'node' | 'depth'> & { c: RuleCondition }) {
  const type = typeOf(c.field);
  const known = !!FIELDS[c.field];
  const setField = (field: string) => {
    const next = typeOf(field);
    if (next === type && known) onChange({ ...c, field });
    else onChange({ field, op: OPS[next][0], value: defaultValue(next) });
  };
  const setOp = (op: RuleOp) => {
    let value = c.value;
    if (op === 'in' && !Array.isArray(value)) value = typeof value === 'string' && value ? [value] : [];
    if (op !== 'in' && Array.isArray(value)) value = value[0] ?? '';
    onChange({ ...c, op, value });
  };
  return (
    <Flex gap={8} wrap align="center" data-testid="rule-condition">
      <Select
        aria-label="条件字段"
        value={c.field}
        onChange={setField}
        showSearch={{ optionFilterProp: 'label' }}
        options={Object.entries(FIELDS).map(([value, f]) => ({ value, label: f.label }))}
        status={known ? undefined : 'error'}
        disabled={disabled}
        style={{ width: 210 }}
      />
      <Select
        aria-label="运算符"
        value={c.op}
        onChange={setOp}
        options={OPS[type].map((op) => ({ value: op, label: OP_LABELS[op] }))}
        disabled={disabled}
        style={{ width: 120 }}
      />
      <ValueInput c={c} onChange={(value) => onChange({ ...c, value })} disabled={disabled} />
      {disabled ? null : (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => onChange({ not: c })}>
            取反
          </Button>
          {onRemove ? (
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label="删除条件"
              onClick={onRemove}
            />
          ) : null}
        </Space>
      )}
    </Flex>
  );
}

const boxStyle = (depth: number): React.CSSProperties => ({
  border: '1px solid #d9d9d9',
  borderLeft: `3px solid ${depth % 2 ? '#722ed1' : '#1677ff'}`,
  borderRadius: 6,
  padding: 8,
  background: depth % 2 ? '#fafafa' : '#fff',
});

function NodeEditor({ node, onChange, onRemove, disabled, depth }: NodeProps) {
  if (isGroup(node)) {
    const kind: 'all' | 'any' = 'all' in node ? 'all' : 'any';
    const kids = 'all' in node ? node.all : node.any;
    const set = (next: RuleNode[]) => onChange(kind === 'all' ? { all: next } : { any: next });
    return (
      <Flex vertical gap={8} style={boxStyle(depth)} data-testid="rule-group">
        <Flex gap={8} wrap align="center">
          <Select
            aria-label="条件组关系"
            value={kind}
            onChange={(k) => onChange(k === 'all' ? { all: kids } : { any: kids })}
            options={[
              { value: 'all', label: '满足以下全部条件' },
              { value: 'any', label: '满足以下任一条件' },
            ]}
            disabled={disabled}
            style={{ width: 180 }}
          />
          {disabled ? null : (
            <>
              <Button size="small" icon={<PlusOutlined />} onClick={() => set([...kids, { ...NEW_CONDITION }])}>
                添加条件
              </Button>
              {depth < 5 ? (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => set([...kids, { any: [{ ...NEW_CONDITION }] }])}
                >
                  添加条件组
                </Button>
              ) : null}
              <Button size="small" type="link" onClick={() => onChange({ not: node })}>
                取反
              </Button>
              {onRemove ? (
                <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove}>
                  删除条件组
                </Button>
              ) : null}
            </>
          )}
        </Flex>
        {kids.map((k, i) => (
          <NodeEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity of their own
            key={i}
            node={k}
            depth={depth + 1}
            disabled={disabled}
            onChange={(n) => set(kids.map((x, j) => (j === i ? n : x)))}
            onRemove={kids.length > 1 ? () => set(kids.filter((_, j) => j !== i)) : undefined}
          />
        ))}
      </Flex>
    );
  }
  if (isNot(node)) {
    return (
      <Flex vertical gap={8} style={{ ...boxStyle(depth), borderLeftColor: '#fa541c' }}>
        <Flex gap={8} align="center">
          <Typography.Text strong>以下条件不成立：</Typography.Text>
          {disabled ? null : (
            <>
              <Button size="small" type="link" onClick={() => onChange(node.not)}>
                取消取反
              </Button>
              {onRemove ? (
                <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove}>
                  删除
                </Button>
              ) : null}
            </>
          )}
        </Flex>
        <NodeEditor node={node.not} depth={depth + 1} disabled={disabled} onChange={(n) => onChange({ not: n })} />
      </Flex>
    );
  }
  if (isCondition(node)) return <ConditionRow c={node} onChange={onChange} onRemove={onRemove} disabled={disabled} />;
  return <Alert type="warning" showIcon title="该部分规则无法以结构化方式编辑，请切换到 JSON 视图修改。" />;
}

interface RuleEditorProps {
  id?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
  disabled?: boolean;
}

/** A situation's condition tree: nested all/any groups of conditions, or the raw JSON. */
export function RuleEditor({ id, value, onChange, disabled }: RuleEditorProps) {
  const [mode, setMode] = useState<'visual' | 'json'>('visual');
  const [text, setText] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);

  const switchTo = (m: 'visual' | 'json') => {
    if (m === 'json') {
      setText(JSON.stringify(isInvalidJson(value) ? {} : (value ?? {}), null, 2));
      setJsonError(null);
    }
    setMode(m);
  };
  const edit = (t: string) => {
    setText(t);
    try {
      const parsed: unknown = JSON.parse(t);
      setJsonError(null);
      onChange?.(parsed);
    } catch (e) {
      setJsonError(`JSON 格式不正确：${e instanceof Error ? e.message : ''}`);
      onChange?.(INVALID_JSON);
    }
  };
  const root = value ?? { all: [{ ...NEW_CONDITION }] };

  return (
    <Flex vertical gap={8} id={id} data-testid="rule-editor">
      <Flex gap={12} align="center" wrap>
        <Segmented
          value={mode}
          onChange={(m) => switchTo(m as 'visual' | 'json')}
          options={[
            { value: 'visual', label: '结构化', disabled: !!jsonError },
            { value: 'json', label: 'JSON' },
          ]}
        />
        {mode === 'visual' && !isInvalidJson(root) ? (
          <Typography.Text type="secondary" data-testid="rule-summary">
            {ruleSummary(root)}
          </Typography.Text>
        ) : null}
      </Flex>
      {mode === 'json' ? (
        <>
          <Input.TextArea
            aria-label="规则 JSON"
            value={text}
            onChange={(e) => edit(e.target.value)}
            rows={14}
            disabled={disabled}
            spellCheck={false}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }}
          />
          {jsonError ? <Typography.Text type="danger">{jsonError}</Typography.Text> : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            格式：{'{"all":[…]}'}、{'{"any":[…]}'}、{'{"not":…}'} 或 {'{"field":"字段","op":"运算符","value":值}'}
            ；可用字段：
            {Object.keys(FIELDS).join('、')}
          </Typography.Text>
        </>
      ) : (
        <>
          <NodeEditor node={root} depth={0} disabled={disabled} onChange={(n) => onChange?.(n)} />
          {!disabled && !isGroup(root) ? (
            <div>
              <Button size="small" icon={<PlusOutlined />} onClick={() => onChange?.({ all: [root as RuleNode] })}>
                转为条件组
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Flex>
  );
}
