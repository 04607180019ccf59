import { InboxOutlined } from '@ant-design/icons';
import { Alert, Modal, Result, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { DownloadButton } from '../../../components/download-button';
import { ApiError, type ImportRowError } from '../../../lib/api';
import { type ImportResult, useImportOrg } from '../api/import';

/** Upload an .xlsx of units and people; all-or-nothing, with a row-level error report. */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const importOrg = useImportOrg();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<{ message: string; rows: ImportRowError[] } | null>(null);

  const close = () => {
    setResult(null);
    setFailure(null);
    importOrg.reset();
    onClose();
  };

  const upload = (file: File) => {
    setResult(null);
    setFailure(null);
    importOrg.mutate(file, {
      onSuccess: setResult,
      onError: (err) =>
        setFailure({
          message: err.message,
          rows: err instanceof ApiError ? err.rows : [],
        }),
    });
    return false;
  };

  return (
    <Modal title="导入单位和人员" open={open} onCancel={close} footer={null} width={760} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        请先下载模板，按模板填写“单位”和“人员”两个工作表后上传。文件中任何一行有误时，整个文件都不会导入。
      </Typography.Paragraph>
      <div style={{ marginBottom: 12 }}>
        <DownloadButton path="/org/import-template.xlsx">下载模板</DownloadButton>
      </div>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        beforeUpload={upload}
        disabled={importOrg.isPending}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{importOrg.isPending ? '正在导入…' : '点击或拖拽 .xlsx 文件到此处上传'}</p>
      </Upload.Dragger>
      {result ? (
        <Result
          status="success"
          title="导入成功"
          subTitle={
            `共导入单位 ${result.units} 个、人员 ${result.people} 人` +
            (result.unitsCreated !== undefined
              ? `（新增单位 ${result.unitsCreated} 个，新增人员 ${result.peopleCreated ?? 0} 人，更新人员 ${result.peopleUpdated ?? 0} 人）。`
              : '。')
          }
        />
      ) : null}
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
