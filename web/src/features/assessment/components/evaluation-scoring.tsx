import { Button, Card, InputNumber, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { DetailTable } from '../../../components/detail-table';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { type EvaluationDetail, useScoreReporters } from '../api/evaluations';

/** The office types in one attendee's scores (0–100) of every reporter at a time; saving again replaces them. */
export function EvaluationScoring({ e }: { e: EvaluationDetail }) {
  const [attendee, setAttendee] = useState(e.attendees[0]);
  const given = useMemo(
    () => new Map(e.scores.filter((s) => s.attendee === attendee).map((s) => [s.reporterId, s.score])),
    [e.scores, attendee],
  );
  const [draft, setDraft] = useState<Record<string, Record<string, number | null>>>({});
  const score = useScoreReporters(e.id);
  const scoreOf = (reporterId: string) => draft[attendee]?.[reporterId] ?? given.get(reporterId) ?? null;
  const complete = e.reporters.every((r) => scoreOf(r.id) !== null);
  async function save() {
    try {
      await score.mutateAsync({
        attendee,
        scores: e.reporters.map((r) => ({ reporterId: r.id, score: scoreOf(r.id) as number })),
      });
      setDraft((d) => ({ ...d, [attendee]: {} }));
      notifySuccess(`已保存${attendee}的评分`);
    } catch (err) {
      notifyError(err);
    }
  }
  return (
    <Card size="small" title="评议打分" style={{ marginBottom: 12 }} data-testid="evaluation-scoring">
      <Space wrap style={{ marginBottom: 8 }}>
        评议人
        <Select
          aria-label="评议人"
          style={{ width: 200 }}
          value={attendee}
          onChange={setAttendee}
          options={e.attendees.map((a) => ({
            value: a,
            label: `${a}${e.scores.some((s) => s.attendee === a) ? '（已评）' : ''}`,
          }))}
        />
      </Space>
      <DetailTable
        dataSource={e.reporters}
        columns={[
          { title: '述职单位', dataIndex: 'unitName' },
          {
            title: '得分（0–100）',
            key: 'score',
            width: 180,
            render: (_, r) => (
              <InputNumber
                aria-label={`${r.unitName}得分`}
                min={0}
                max={100}
                precision={1}
                value={scoreOf(r.id)}
                onChange={(v) =>
                  setDraft((d) => ({ ...d, [attendee]: { ...d[attendee], [r.id]: typeof v === 'number' ? v : null } }))
                }
              />
            ),
          },
        ]}
      />
      <Button type="primary" style={{ marginTop: 8 }} onClick={save} loading={score.isPending} disabled={!complete}>
        保存评分
      </Button>
    </Card>
  );
}
