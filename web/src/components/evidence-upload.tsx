import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Upload, type UploadFile } from 'antd';
import { api } from '../lib/api';

/** What the server answers for a stored file. */
export interface UploadedFile {
  id: string;
  name: string;
  size: number;
}

/** Ids of the evidence files that finished uploading. */
export const uploadedIds = (files: UploadFile<UploadedFile>[] | undefined): string[] =>
  (files ?? []).filter((f) => f.status === 'done' && f.response?.id).map((f) => f.response!.id);

/** antd Upload that posts each file to `path` (e.g. /problems/:id/files) through the api wrapper. */
export function EvidenceUpload({
  path,
  value,
  onChange,
  onUploaded,
  label = '上传佐证材料',
}: {
  path: string;
  value?: UploadFile<UploadedFile>[];
  onChange?: (files: UploadFile<UploadedFile>[]) => void;
  /** Called after each file is stored, e.g. to refresh the record that lists them. */
  onUploaded?: (file: UploadedFile) => void;
  label?: string;
}) {
  const upload = useMutation({
    mutationFn: (file: File) => {
      const formData = new FormData();
      formData.append('file', file);
      return api<UploadedFile>(path, { method: 'POST', formData });
    },
  });
  return (
    <Upload<UploadedFile>
      fileList={value ?? (onChange ? [] : undefined)}
      multiple
      maxCount={20}
      onChange={({ fileList }) => onChange?.(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        upload.mutate(file as File, {
          onSuccess: (saved) => {
            onSuccess?.(saved);
            onUploaded?.(saved);
          },
          onError: (err) => onError?.(err as Error),
        });
      }}
    >
      <Button icon={<UploadOutlined />}>{label}</Button>
    </Upload>
  );
}
