import { Alert, Button, Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { PageHeader } from './page-header';

/**
 * The page of a region's versioned settings: its heading and section nav, a note on what the settings govern, the
 * form (labels above fields) and 保存设置. The page loads the values and saves them (`settingsSaved`).
 */
export function SettingsForm<V>({
  title,
  nav,
  note,
  form,
  name,
  maxWidth,
  pending,
  onFinish,
  children,
}: {
  title: string;
  nav: ReactNode;
  /** What the settings govern and that changes are audited. */
  note: string;
  form: FormInstance<V>;
  name: string;
  maxWidth: number;
  pending: boolean;
  onFinish: (values: V) => void;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} extra={nav} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={note} />
      <Form<V> form={form} layout="vertical" name={name} onFinish={onFinish} style={{ maxWidth }}>
        {children}
        <Button type="primary" htmlType="submit" loading={pending}>
          保存设置
        </Button>
      </Form>
    </>
  );
}
