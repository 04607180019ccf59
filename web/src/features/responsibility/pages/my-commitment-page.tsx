import { Alert, Button, Card, Popconfirm, Result, Space, Tag, Typography } from 'antd';
import { QueryFallback } from '../../../components/query-fallback';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { currentPeriod, formatDateTime } from '../../../lib/format';
import { notifySuccess, quietly } from '../../../lib/notify';
import { useMyCommitment, useSignCommitment } from '../api/commitments';

const STATUS_COLORS: Record<string, string> = { signed: 'green', unsigned: 'red', resign: 'orange' };

/** 我的承诺书: the year's commitment of the caller's kind, to read and sign (again, after a new version). */
export function MyCommitmentPage() {
  const { year } = currentPeriod();
  const query = useMyCommitment(year);
  const m = query.data;
  const sign = useSignCommitment();
  const navigate = useNavigate();
  if (!m) return <QueryFallback query={query} what="承诺书" />;
  if (!m.signer) {
    return <Result status="info" title={`您不在${year}年度党风廉政建设签字承诺的签署范围内`} />;
  }
  const showSigned = () => m.signature && navigate(`/responsibility/commitments/signatures/${m.signature.id}`);
  return (
    <>
      <PageHeader
        title="我的承诺书"
        subTitle={`${year}年度 · ${m.signer.unitName} · ${m.signer.signerKindLabel}`}
        extra={m.signature ? <Button onClick={() => void showSigned()}>查看已签署的承诺书</Button> : null}
      />
      {m.status === 'resign' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="待重新签署"
          description={`您签署的是第${m.signature?.revision}版，承诺书已修订为第${m.text?.revision}版，请阅读后重新签署。`}
        />
      ) : null}
      {!m.text ? (
        <Result status="info" title={`${year}年度承诺书尚未发布`} />
      ) : (
        <Card
          data-testid="my-commitment"
          title={`${m.text.title}（第${m.text.revision}版）`}
          extra={<Tag color={STATUS_COLORS[m.status ?? '']}>{m.statusLabel}</Tag>}
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>{m.text.body}</Typography.Paragraph>
          <Space>
            {m.actions.includes('sign') ? (
              <Popconfirm
                title="确认签署"
                description={`本人已阅读并承诺履行以上内容，以“${m.signer.name}”的名义签署。`}
                okText="签署"
                onConfirm={async () => {
                  const s = await quietly(sign.mutateAsync(m.text?.id ?? ''));
                  if (s) notifySuccess('已签署');
                }}
              >
                <Button type="primary" loading={sign.isPending}>
                  {m.status === 'resign' ? '重新签署' : '签署承诺书'}
                </Button>
              </Popconfirm>
            ) : (
              <Typography.Text type="secondary">
                已于 {formatDateTime(m.signature?.signedAt ?? null)} 签署第{m.signature?.revision}版
              </Typography.Text>
            )}
          </Space>
        </Card>
      )}
    </>
  );
}
