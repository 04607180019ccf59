import { InboxOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, Modal, Progress, Result, Steps, Table, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError, type ImportRowError, type UploadProgress } from '../lib/api';
import { DownloadButton } from './download-button';

interface Props<T> {
  title: string;
  open: boolean;
  onClose: () => void;
  /** The download path of the template, e.g. /problems/import-template.xlsx */
  templatePath: string;
  importer: UseMutationResult<T, Error, { file: File; onProgress: (p: UploadProgress) => void }>;
  /** The success line, e.g. 共导入问题 12 个。 */
  describe: (result: T) => ReactNode;
}

/** .xlsx import: download the template, upload; all-or-nothing, with every bad row listed by number. */
export function XlsxImportModal<T>({ title, open, onClose, templatePath, importer, describe }: Props<T>) {
  const [result, setResult] = useState<T | null>(null);
  const [failure, setFailure] = useState<{ message: string; rows: ImportRowError[]; total: number } | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);

  const close = () => {
    setResult(null);
    setFailure(null);
    setProgress(null);
    importer.reset();
    onClose();
  };

  const upload = (file: File) => {
    setResult(null);
    setFailure(null);
    setProgress({ phase: 'upload', done: 0, total: file.size });
    importer.mutate(
      { file, onProgress: setProgress },
      {
        onSuccess: (r) => setResult(r),
        onError: (err) => {
          const rows = err instanceof ApiError ? err.rows : [];
          const total = err instanceof ApiError && typeof err.total === 'number' ? err.total : rows.length;
          setFailure({ message: err.message, rows, total });
        },
        onSettled: () => setProgress(null),
      },
    );
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
      {importer.isPending && progress ? <ImportProgress progress={progress} /> : null}
      {result !== null ? <Result status="success" title="导入成功" subTitle={describe(result)} /> : null}
      {failure ? (
        <div style={{ marginTop: 16 }}>
          <Alert
            type="error"
            showIcon
            title={failure.message}
            description={
              failure.total
                ? `共发现 ${failure.total} 处错误${failure.total > failure.rows.length ? `（下表列出前 ${failure.rows.length} 处）` : ''}，本次未导入任何数据，请修改后重新上传。`
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

const count = (n = 0) => n.toLocaleString('zh-CN');

/** Where the import stands: the upload's bytes, then the server's steps when it reports them. */
function ImportProgress({ progress: p }: { progress: UploadProgress }) {
  const percent = (done = 0, total = 0) => (total > 0 ? Math.min(100, Math.floor((100 * done) / total)) : 0);
  const step = p.phase === 'upload' ? 0 : p.phase === 'write' ? 2 : 1;
  let text = '正在校验并导入，请稍候…';
  let value: number | null = null;
  if (p.phase === 'upload') {
    value = percent(p.done, p.total);
    text = `正在上传文件：${value}%`;
  } else if (p.phase === 'read') {
    text = `正在读取文件：已读取 ${count(p.done)} 行`;
  } else if (p.phase === 'validate') {
    text = `正在校验 ${count(p.total)} 行数据…`;
  } else if (p.phase === 'write') {
    value = percent(p.done, p.total);
    text = `正在写入：${count(p.done)} / ${count(p.total)} 行`;
  }
  return (
    <div style={{ marginTop: 16 }} aria-live="polite">
      <Steps
        size="small"
        current={step}
        items={[{ title: '上传文件' }, { title: '读取并校验' }, { title: '写入数据' }]}
        style={{ marginBottom: 12 }}
      />
      {value === null ? (
        <Progress percent={100} status="active" showInfo={false} />
      ) : (
        <Progress percent={value} status="active" />
      )}
      <Typography.Text type="secondary">{text}（导入完成前请勿关闭本窗口）</Typography.Text>
    </div>
  );
}
