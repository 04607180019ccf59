import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { buildUrl } from '../../../lib/api';
import { notifyError } from '../../../lib/notify';
import { type IssuedCircular, useIssueCircular } from '../api/circulars';
import { formatDate } from '../../../lib/format';

/** 印发通报 for the chosen problems: confirms, then shows the 发文字号 and the download (and any cut warning). */
export function IssueCircularButton({ ids }: { ids: string[] }) {
  const { modal } = App.useApp();
  const issue = useIssueCircular();
  const [issued, setIssued] = useState<IssuedCircular | null>(null);
  const confirm = () =>
    modal.confirm({
      title: `印发通报（${ids.length} 个问题）`,
      content: '印发后即编发文字号、确定成文日期，不能撤回。',
      okText: '印发',
      onOk: () => issue.mutateAsync({ ids }).then(setIssued, notifyError),
    });
  return (
    <>
      <Button icon={<SendOutlined />} disabled={!ids.length} onClick={confirm}>
        印发通报
      </Button>
      <Modal open={!!issued} title="通报已印发" footer={null} onCancel={() => setIssued(null)}>
        {issued ? (
          <>
            <Typography.Paragraph>
              发文字号：<Typography.Text strong>{issued.number}</Typography.Text>，成文日期{' '}
              {formatDate(issued.issuedOn)}，列入 {issued.problems} 个问题。
            </Typography.Paragraph>
            {issued.warning ? (
              <Alert type="warning" showIcon message={issued.warning} style={{ marginBottom: 12 }} />
            ) : null}
            <Button type="primary" href={buildUrl(`/problems/circulars/${issued.id}/circular.docx`)} download>
              下载通报
            </Button>
          </>
        ) : null}
      </Modal>
    </>
  );
}
