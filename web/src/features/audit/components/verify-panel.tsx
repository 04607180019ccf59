import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Modal, Result } from 'antd';
import { useState } from 'react';
import { useVerifyAudit, type VerifyResult } from '../api/audit';

/** 校验审计链: recompute the SM3 chain on the server and show the outcome. */
export function VerifyPanel() {
  const verify = useVerifyAudit();
  const [result, setResult] = useState<VerifyResult | null>(null);
  return (
    <>
      <Button
        type="primary"
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate(undefined, { onSuccess: setResult })}
      >
        校验审计链
      </Button>
      <Modal open={!!result} onCancel={() => setResult(null)} onOk={() => setResult(null)} footer={null} width={560}>
        {result?.ok ? (
          <Result
            status="success"
            title="审计链完整"
            subTitle={`已校验 ${result.checked} 条审计记录，SM3 哈希链完整，未发现篡改或删除。`}
          />
        ) : result ? (
          <Result
            status="error"
            title="审计链校验未通过"
            subTitle={
              result.problem
                ? `在第 ${result.problem.seq} 条记录处发现问题：${result.problem.reason}（已校验 ${result.checked} 条）`
                : `已校验 ${result.checked} 条，发现问题。`
            }
          />
        ) : null}
      </Modal>
    </>
  );
}
