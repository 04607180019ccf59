import type { FormInstance } from 'antd';
import { Modal } from 'antd';
import type { ReactNode } from 'react';

/** A modal around one form, open while mounted: OK submits the form, Cancel calls `onClose`. */
export function FormModal({
  form,
  title,
  okText,
  pending,
  onClose,
  width,
  children,
}: {
  form: FormInstance;
  title: ReactNode;
  okText: string;
  pending: boolean;
  onClose: () => void;
  width?: number;
  children: ReactNode;
}) {
  return (
    <Modal
      open
      title={title}
      okText={okText}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
      width={width}
    >
      {children}
    </Modal>
  );
}
