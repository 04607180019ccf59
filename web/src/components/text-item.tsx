import { Form, type FormItemProps } from 'antd';
import { cloneElement, type ReactElement } from 'react';
import { countOf, tooLong } from '../lib/schema-limits';

type Counter = ReturnType<typeof countOf>;

/**
 * The Form.Item of a text field with a limit (issue #20): its Input or TextArea shows `12 / 200` and keeps pasted
 * text whole, and the form refuses to submit past the limit with a Chinese message. `max` comes from the zod
 * schema the server validates with (`maxLengthOf(ZCreate….shape.title)`), so the limit is written once.
 */
export function TextItem({
  max,
  rules = [],
  children,
  ...item
}: Omit<FormItemProps, 'children'> & { max: number | undefined; children: ReactElement<{ count?: Counter }> }) {
  return (
    <Form.Item {...item} rules={[...rules, tooLong(max)]}>
      {cloneElement(children, { count: countOf(max) })}
    </Form.Item>
  );
}
