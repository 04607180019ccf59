import { Tag, Timeline, Typography } from 'antd';
import { PROBLEM_EVENTS, PROBLEM_STATES } from '../../../../../common/problems';
import { formatDate, formatDateTime } from '../../../lib/format';
import type { ProblemDetail, ProblemEventRow } from '../api/problems';
import { problemFileHref } from '../api/files';

const label = (o: Record<string, string>, k: string | null) => (k ? (o[k] ?? k) : '');

function EventBody({ e, problem }: { e: ProblemEventRow; problem: ProblemDetail }) {
  const p = e.payload ?? {};
  const fileIds = Array.isArray(p.fileIds) ? (p.fileIds as string[]) : [];
  const files = problem.files.filter((f) => fileIds.includes(f.id));
  const measure = typeof p.measureId === 'string' ? problem.measures.find((m) => m.id === p.measureId) : undefined;
  return (
    <>
      <div>
        <Typography.Text strong>{label(PROBLEM_EVENTS, e.type)}</Typography.Text>
        {e.fromState && e.toState && e.fromState !== e.toState ? (
          <Typography.Text type="secondary">
            （{label(PROBLEM_STATES, e.fromState)} → {label(PROBLEM_STATES, e.toState)}）
          </Typography.Text>
        ) : null}
        {e.late ? (
          <Tag color="red" style={{ marginLeft: 8 }}>
            逾期报送
          </Tag>
        ) : null}
        {typeof p.levelLabel === 'string' ? (
          <Tag color="orange" style={{ marginLeft: 8 }}>
            {p.levelLabel}
          </Tag>
        ) : null}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {e.actorName ?? '系统'} · {formatDateTime(e.at)}
      </Typography.Text>
      {measure ? (
        <div>
          措施{measure.seq}：{String(p.progress ?? '')}
          {p.done ? (
            <Tag color="success" style={{ marginLeft: 8 }}>
              已完成
            </Tag>
          ) : null}
        </div>
      ) : null}
      {e.comment ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div> : null}
      {typeof p.deadline === 'string' ? <div>新的整改时限：{formatDate(p.deadline)}</div> : null}
      {files.length ? (
        <div>
          佐证材料：
          {files.map((f) => (
            <a key={f.id} href={problemFileHref(problem.id, f.id)} download style={{ marginRight: 8 }}>
              {f.name}
            </a>
          ))}
        </div>
      ) : null}
    </>
  );
}

/** Every transition of the problem, newest first. */
export function EventTimeline({ problem }: { problem: ProblemDetail }) {
  const events = [...problem.events].sort((a, b) => (a.at < b.at ? 1 : -1));
  return (
    <Timeline
      data-testid="problem-timeline"
      items={events.map((e, i) => ({
        key: e.id ?? String(i),
        color: e.late ? 'red' : e.type === 'close' ? 'green' : 'blue',
        content: <EventBody e={e} problem={problem} />,
      }))}
    />
  );
}
