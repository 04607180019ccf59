import { Col, Row, Typography } from 'antd';

function pretty(value: unknown): string {
  if (value === null || value === undefined) return '（无）';
  return JSON.stringify(value, null, 2);
}

/** before / after of one audit event, side by side; changed top-level keys are listed. */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const changed =
    before && after && typeof before === 'object' && typeof after === 'object'
      ? [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
          (k) =>
            JSON.stringify((before as Record<string, unknown>)[k]) !==
            JSON.stringify((after as Record<string, unknown>)[k]),
        )
      : [];
  return (
    <>
      {changed.length ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          变更字段：{changed.join('、')}
        </Typography.Paragraph>
      ) : null}
      <Row gutter={12}>
        <Col span={12}>
          <Typography.Text strong>变更前</Typography.Text>
          <pre className="zl-json">{pretty(before)}</pre>
        </Col>
        <Col span={12}>
          <Typography.Text strong>变更后</Typography.Text>
          <pre className="zl-json">{pretty(after)}</pre>
        </Col>
      </Row>
    </>
  );
}
