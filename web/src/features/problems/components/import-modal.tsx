import { InboxOutlined } from '@ant-design/icons';
import { Alert, Modal, Result, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { DownloadButton } from '../../../components/download-button';
import { ApiError, type ImportRowError } from '../../../lib/api';
import { useImportProblems } from '../api/import';

/** 批量导入: upload an .xlsx of problems; all-or-nothing, with every bad row listed. */
export function ImportProblemsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const importProblems = useImportProblems();
  const [created, setCreated] = useState<number | null>(null);
  const [failure, setFailure] = useState<{ message: string; rows: ImportRowError[] } | null>(null);

  const close = () => {
    setCreated(null);
    setFailure(null);
    importProblems.reset();
    onClose();
  };

  const upload = (file: File) => {
    setCreated(null);
    setFailure(null);
    importProblems.mutate(file, {
      onSuccess: (r) => setCreated(r.created),
      onError: (err) => setFailure({ message: err.message, rows: err instanceof ApiError ? err.rows : [] }),
    });
    return false;
  };

  return (
    <Modal title="批量导入问题" open={open} onCancel={close} footer={null} width={760} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        请先下载模板，按模板填写后上传。文件中任何一行有误时，整个文件都不会导入。
      </Typography.Paragraph>
      <div style={{ marginBottom: 12 }}>
        <DownloadButton path="/problems/import-template.xlsx">下载模板</DownloadButton>
      </div>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        beforeUpload={upload}
        disabled={importProblems.isPending}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{importProblems.isPending ? '正在导入…' : '点击或拖拽 .xlsx 文件到此处上传'}</p>
      </Upload.Dragger>
      {created !== null ? <Result status="success" title="导入成功" subTitle={`共导入问题 ${created} 个。`} /> : null}
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
