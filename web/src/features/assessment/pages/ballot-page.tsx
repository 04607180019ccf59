import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, ConfigProvider, Radio, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../../lib/api';
import { castBallot, openBallot } from '../api/surveys';

const errorText = (err: unknown) =>
  err instanceof ApiError && err.status !== 0
    ? err.message
    : err instanceof Error && err.message
      ? err.message
      : '提交失败，请检查网络后重试';

/** A refused ballot: used, never issued, or the survey has ended; the server says which in Chinese. */
const refused = (err: unknown) => err instanceof ApiError && (err.status === 404 || err.status === 409);

/** Large choices for a finger on a phone. */
const BIG_RADIOS = { components: { Radio: { radioSize: 24, dotSize: 12 } } };
const page = { maxWidth: 560, margin: '0 auto', padding: '16px 12px 40px' };
const option = { display: 'flex', alignItems: 'center', minHeight: 48, fontSize: 17, padding: '4px 8px' };

/**
 * 民主测评 ballot, opened from the link or QR code on a sealed slip: no sign-in, one question per block with
 * large choices, usable on a phone. The token is spent on submit; nothing identifies the voter.
 */
export function BallotPage() {
  const { token = '' } = useParams();
  const ballot = useQuery({
    queryKey: ['ballot', token],
    queryFn: ({ signal }) => openBallot(token, signal),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [answers, setAnswers] = useState<(number | undefined)[]>([]);
  const [missing, setMissing] = useState<number[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  if (done) {
    return (
      <div style={page}>
        <Result
          status="success"
          title="已提交"
          subTitle="感谢您参与民主测评。您的选票已匿名计入结果，本选票已失效，不能再次提交。"
          data-testid="ballot-done"
        />
      </div>
    );
  }
  if (ballot.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (ballot.error || refused(error) || !ballot.data) {
    const err = ballot.error ?? error;
    return (
      <div style={page}>
        <Result
          status="warning"
          title="无法使用此选票"
          subTitle={refused(err) ? errorText(err) : '选票加载失败，请检查网络后刷新重试'}
          data-testid="ballot-refused"
        />
      </div>
    );
  }
  const b = ballot.data;

  async function submit() {
    const unanswered = b.questions.map((_, i) => i).filter((i) => answers[i] === undefined);
    setMissing(unanswered);
    if (unanswered.length) {
      setError(new Error(`还有${unanswered.length}道题未作答（第${unanswered.map((i) => i + 1).join('、')}题）`));
      return;
    }
    setSending(true);
    setError(null);
    try {
      await castBallot(token, answers as number[]);
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  }

  return (
    <ConfigProvider theme={BIG_RADIOS}>
      <div style={page}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {b.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          测评单位：{b.unitName}
          <br />
          {b.personName ? (
            <>
              被测评人：{b.personName}
              <br />
            </>
          ) : null}
          本测评匿名进行，系统不记录作答人。每题选择一项，全部作答后提交，每张选票只能提交一次。
        </Typography.Paragraph>
        {b.questions.map((q, i) => (
          <Card
            key={q}
            size="small"
            style={{ marginBottom: 12, borderColor: missing.includes(i) ? '#ff4d4f' : undefined }}
            data-testid="ballot-question"
          >
            <div style={{ fontSize: 17, fontWeight: 600, marginBottom: 8 }}>
              {i + 1}. {q}
            </div>
            <Radio.Group
              value={answers[i]}
              onChange={(e) => {
                const next = [...answers];
                next[i] = e.target.value as number;
                setAnswers(next);
                setMissing((m) => m.filter((x) => x !== i));
              }}
              style={{ display: 'flex', flexDirection: 'column', width: '100%' }}
              aria-label={q}
            >
              {b.scale.map((label, k) => (
                <Radio key={label} value={k} style={option}>
                  {label}
                </Radio>
              ))}
            </Radio.Group>
            {missing.includes(i) ? <div style={{ color: '#ff4d4f' }}>请选择一项</div> : null}
          </Card>
        ))}
        {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(error)} /> : null}
        <Button
          type="primary"
          size="large"
          block
          style={{ height: 52, fontSize: 18 }}
          loading={sending}
          onClick={submit}
        >
          提交
        </Button>
      </div>
    </ConfigProvider>
  );
}
