import { Card, Timeline, Typography } from 'antd';
import { formatDateTime } from '../lib/format';

export interface LabelledEvent {
  id: string;
  label: string;
  actorName: string;
  at: string;
  comment: string;
}

/** 办理记录: an object's workflow events, each with its Chinese label, who, when and the comment. */
export function EventLogCard({ events }: { events: LabelledEvent[] }) {
  return (
    <Card title="办理记录" size="small">
      <Timeline
        items={events.map((e) => ({
          key: e.id,
          content: (
            <>
              <Typography.Text strong>{e.label}</Typography.Text> · {e.actorName} · {formatDateTime(e.at)}
              {e.comment ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div> : null}
            </>
          ),
        }))}
      />
    </Card>
  );
}
