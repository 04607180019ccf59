import { Button, Checkbox, Form, Input, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { ZCreateComplaint } from '../../../../../common/complaints.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

/** What a report's form holds besides who filed it and how it came in: the same for the public and for staff. */
export interface ReportValues {
  anonymous: boolean;
  name?: string;
  phone?: string;
  address?: string;
  kind: string;
  subjectName?: string;
  subjectUnitName: string;
  subjectPost?: string;
  content: string;
  happenedAt?: string;
  place?: string;
  aboutPrincipal?: boolean;
}

/** The report part of the request body (the public form adds the human check, staff the channel and date). */
export const reportBody = (v: ReportValues) => ({
  kind: v.kind,
  anonymous: v.anonymous,
  filer: v.anonymous ? null : { name: v.name ?? '', phone: v.phone ?? '', idNumber: '', address: v.address ?? '' },
  subjectName: v.subjectName ?? '',
  subjectUnitName: v.subjectUnitName,
  subjectPost: v.subjectPost ?? '',
  content: v.content,
  happenedAt: v.happenedAt ?? '',
  place: v.place ?? '',
  aboutPrincipal: v.aboutPrincipal ?? false,
});

export const attachedFiles = (files: UploadFile[]) => files.map((f) => f.originFileObj as File).filter(Boolean);

/**
 * Whom and what the report is about, when and where, the attachments and the 本委主要负责人 switch. `forPublic`
 * words the labels for a member of the public; staff register what a letter, visit or call said.
 */
export function ReportFields({
  files,
  onFiles,
  forPublic,
}: {
  files: UploadFile[];
  onFiles: (files: UploadFile[]) => void;
  forPublic: boolean;
}) {
  const content = forPublic ? '反映的主要问题' : '主要问题';
  return (
    <>
      <TextItem
        max={maxLengthOf(ZCreateComplaint.shape.subjectName)}
        name="subjectName"
        label={forPublic ? '被反映人姓名' : '被反映人'}
      >
        <Input />
      </TextItem>
      <TextItem
        max={maxLengthOf(ZCreateComplaint.shape.subjectUnitName)}
        name="subjectUnitName"
        label={forPublic ? '被反映人单位' : '被反映单位'}
        rules={[{ required: true, message: `请填写${forPublic ? '被反映人单位' : '被反映单位'}` }]}
      >
        <Input />
      </TextItem>
      <TextItem max={maxLengthOf(ZCreateComplaint.shape.subjectPost)} name="subjectPost" label="职务">
        <Input />
      </TextItem>
      <TextItem
        max={maxLengthOf(ZCreateComplaint.shape.content)}
        name="content"
        label={content}
        rules={[{ required: true, message: `请填写${content}` }]}
      >
        <Input.TextArea rows={5} />
      </TextItem>
      <TextItem max={maxLengthOf(ZCreateComplaint.shape.happenedAt)} name="happenedAt" label="发生时间">
        <Input placeholder="如：2026年5月" />
      </TextItem>
      <TextItem max={maxLengthOf(ZCreateComplaint.shape.place)} name="place" label="发生地点">
        <Input />
      </TextItem>
      <Form.Item
        label={
          forPublic ? '证据材料（图片、PDF、Office文档，最多5个，每个不超过10MB）' : '原件（扫描件或照片，最多5个）'
        }
      >
        <Upload multiple maxCount={5} fileList={files} beforeUpload={() => false} onChange={(e) => onFiles(e.fileList)}>
          <Button>选择文件</Button>
        </Upload>
      </Form.Item>
      <Form.Item name="aboutPrincipal" valuePropName="checked">
        <Checkbox>
          {forPublic
            ? '反映的是本级纪委监委主要负责人的问题（将直接报送上一级纪检监察机关）'
            : '反映本委主要负责人（直接报送上一级，本级任何人不可见）'}
        </Checkbox>
      </Form.Item>
    </>
  );
}
