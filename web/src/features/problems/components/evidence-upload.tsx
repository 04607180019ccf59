import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';
import type { ProblemFile } from '../api/problems';
import { useUploadEvidence } from '../api/files';

/** Ids of the evidence files that finished uploading. */
export const uploadedIds = (files: UploadFile<ProblemFile>[] | undefined): string[] =>
  (files ?? []).filter((f) => f.status === 'done' && f.response?.id).map((f) => f.response!.id);

/** antd Upload that posts each file to /api/problems/:id/files through the api wrapper. */
export function EvidenceUpload({
  problemId,
  value,
  onChange,
}: {
  problemId: string;
  value?: UploadFile<ProblemFile>[];
  onChange?: (files: UploadFile<ProblemFile>[]) => void;
}) {
  const upload = useUploadEvidence(problemId);
  return (
    <Upload<ProblemFile>
      fileList={value ?? []}
      multiple
      maxCount={20}
      onChange={({ fileList }) => onChange?.(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        upload.mutate(file as File, {
          onSuccess: (saved) => onSuccess?.(saved),
          onError: (err) => onError?.(err as Error),
        });
      }}
    >
      <Button icon={<UploadOutlined />}>上传佐证材料</Button>
    </Upload>
  );
}
