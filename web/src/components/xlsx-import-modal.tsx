import { InboxOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, Modal, Result, Table, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError, type ImportRowError } from '../lib/api';
import { DownloadButton } from './download-button';

interface Props<T> {
  title: string;
  open: boolean;
  onClose: () => void;
  /** The download path of the template, e.g. /problems/import-template.xlsx */
  templatePath: string;
  importer: UseMutationResult<T, Error, File>;
  /** The success line, e.g. 共导入问题 12 个。 */
  describe: (result: T) => ReactNode;
}

/** .xlsx import: download the template, upload; all-or-nothing, with every bad row listed by number. */
export function XlsxImportModal<T>({ title, open, onClose, templatePath, importer, describe }: Props<T>) {
  const [result, setResult] = useState<T | null>(null);
  const [failure, setFailure] = useState<{ message: string; rows: ImportRowError[] } | null>(null);

  const close = () => {
    setResult(null);
    setFailure(null);
    importer.reset();
    onClose();
  };

  const upload = (file: File) => {
    setResult(null);
    setFailure(null);
    importer.mutate(file, {
      onSuccess: (r) => setResult(r),
      onError: (err) => setFailure({ message: err.message, rows: err instanceof ApiError ? err.rows : [] }),
    });
    return false;
  };

  return (
    <Modal title={title} open={open} onCancel={close} footer={null} width={760} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        请先下载模板，按模板填写后上传。文件中任何一行有误时，整个文件都不会导入。
      </Typography.Paragraph>
      <div style={{ marginBottom: 12 }}>
        <DownloadButton path={templatePath}>下载模板</DownloadButton>
      </div>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        beforeUpload={upload}
        disabled={importer.isPending}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{importer.isPending ? '正在导入…' : '点击或拖拽 .xlsx 文件到此处上传'}</p>
      </Upload.Dragger>
      {result !== null ? <Result status="success" title="导入成功" subTitle={describe(result)} /> : null}
      {failure ? (
        <div style={{ marginTop: 16 }}>
          <Alert
            type="error"
            showIcon
            title={failure.message}
            description={
              failure.rows.length
                ? `共发现 ${failure.rows.length} 处错误，本次未导入任何数据，请修改后重新上传。`
                : '本次未导入任何数据。'
            }
            style={{ marginBottom: 12 }}
          />
          {failure.rows.length ? (
            <Table<ImportRowError>
              size="small"
              rowKey={(r) => `${r.sheet ?? ''}-${r.row}-${r.field ?? ''}-${r.message}`}
              dataSource={failure.rows}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: '工作表', dataIndex: 'sheet', width: 100 },
                { title: '行', dataIndex: 'row', width: 90, render: (v: number) => `第${v}行` },
                { title: '字段', dataIndex: 'field', width: 120 },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
