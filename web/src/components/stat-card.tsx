import { Card, Col, type ColProps, Statistic } from 'antd';

/** One figure in a page's row of figures: a card with its title, value and unit, in a grid column (`span`, `xs`, `md`). */
export function StatCard({
  title,
  value,
  suffix,
  testId,
  ...col
}: Omit<ColProps, 'title'> & { title: string; value: number; suffix?: string; testId?: string }) {
  return (
    <Col {...col}>
      <Card>
        <Statistic title={title} value={value} suffix={suffix} data-testid={testId} />
      </Card>
    </Col>
  );
}
