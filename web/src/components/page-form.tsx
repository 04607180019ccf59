import { Card, Form, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';

/**
 * The form of a create/edit page: a card, labels above fields, disabled while its request is pending (one
 * click, one request), and Ctrl+Enter (⌘+Enter) submits from any field. `onShortcut` runs first, e.g. to say
 * which of two submit buttons the shortcut means.
 */
export function PageForm<V>({
  form,
  name,
  maxWidth,
  pending,
  initialValues,
  onFinish,
  onShortcut,
  children,
}: {
  form: FormInstance<V>;
  /** The form's name prefixes its field ids (`talk_place`); a page whose tests find fields by bare id has none. */
  name?: string;
  maxWidth: number;
  pending: boolean;
  initialValues: FormProps<V>['initialValues'];
  onFinish: (values: V) => void;
  onShortcut?: () => void;
  children: ReactNode;
}) {
  return (
    <Card>
      <Form<V>
        form={form}
        layout="vertical"
        name={name}
        style={{ maxWidth }}
        disabled={pending}
        initialValues={initialValues}
        onFinish={onFinish}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
          onShortcut?.();
          form.submit();
        }}
      >
        {children}
      </Form>
    </Card>
  );
}
