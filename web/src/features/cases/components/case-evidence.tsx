import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Select, Space, Upload } from 'antd';
import { useState } from 'react';
import { FACTS, type FactKey } from '../../../../../common/cases';
import { api } from '../../../lib/api';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { type CaseDetail, caseKeys } from '../api/cases';

/** Evidence files by the fact they prove; the investigation team uploads them while the case is open. */
export function CaseEvidence({ c }: { c: CaseDetail }) {
  const qc = useQueryClient();
  const [fact, setFact] = useState<FactKey>('problem');
  const upload = useMutation({
    mutationFn: (file: File) => {
      const formData = new FormData();
      formData.append('fact', fact); // before the file, so the server reads it with the file
      formData.append('file', file);
      return api(`/cases/${c.id}/files`, { method: 'POST', formData });
    },
    onSuccess: () => {
      notifySuccess('证据材料已上传');
      void qc.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
    },
    onError: notifyError,
  });
  const canUpload = c.actions.includes('record_facts');
  return (
    <div data-testid="case-evidence" style={{ marginTop: 12 }}>
      {c.files.map((f) => (
        <div key={f.id}>
          【{FACTS[f.fact as FactKey] ?? f.fact}】<a href={`/api/cases/${c.id}/files/${f.id}`}>{f.name}</a>
        </div>
      ))}
      {canUpload ? (
        <Space style={{ marginTop: 8 }}>
          <Select<FactKey>
            value={fact}
            onChange={setFact}
            style={{ width: 140 }}
            aria-label="证明的事实"
            options={Object.entries(FACTS).map(([value, label]) => ({ value: value as FactKey, label }))}
          />
          <Upload
            showUploadList={false}
            multiple
            customRequest={({ file, onSuccess, onError }) => {
              upload.mutate(file as File, {
                onSuccess: (saved) => onSuccess?.(saved),
                onError: (err) => onError?.(err as Error),
              });
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              上传证据材料
            </Button>
          </Upload>
        </Space>
      ) : null}
    </div>
  );
}
