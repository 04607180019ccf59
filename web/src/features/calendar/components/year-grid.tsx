import { Card, Col, Row, Tooltip } from 'antd';
import { dayjs } from '../../../lib/format';
import type { CalendarDay } from '../api/calendar';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const MONTHS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

function cellStyle(exception: CalendarDay | undefined, weekend: boolean, clickable: boolean): React.CSSProperties {
  const base: React.CSSProperties = {
    position: 'relative',
    textAlign: 'center',
    padding: '2px 0',
    borderRadius: 3,
    cursor: clickable ? 'pointer' : 'default',
    fontSize: 12,
    lineHeight: '20px',
    border: 'none',
    width: '100%',
    font: 'inherit',
  };
  if (exception?.kind === 'holiday') return { ...base, background: '#fff1f0', color: '#cf1322', fontWeight: 600 };
  if (exception?.kind === 'workday') return { ...base, background: '#e6f4ff', color: '#0958d9', fontWeight: 600 };
  return { ...base, background: 'transparent', color: weekend ? '#bfbfbf' : undefined };
}

function Month({
  year,
  month,
  exceptions,
  onPick,
}: {
  year: number;
  month: number;
  exceptions: Map<string, CalendarDay>;
  onPick?: (date: string) => void;
}) {
  const first = dayjs(new Date(year, month, 1));
  const offset = (first.day() + 6) % 7;
  const days = first.daysInMonth();
  const blanks = Array.from({ length: offset }, (_, i) => `blank-${month}-${i}`);
  const dates = Array.from({ length: days }, (_, i) => i + 1);
  return (
    <Card size="small" title={`${month + 1}月`} styles={{ body: { padding: 8 } }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
        {WEEKDAYS.map((w) => (
          <div key={w} style={{ textAlign: 'center', fontSize: 12, color: '#8c8c8c' }}>
            {w}
          </div>
        ))}
        {blanks.map((key) => (
          <div key={key} />
        ))}
        {dates.map((d) => {
          const date = first.date(d).format('YYYY-MM-DD');
          const ex = exceptions.get(date);
          const weekend = (offset + d - 1) % 7 >= 5;
          const mark = ex ? (ex.kind === 'holiday' ? '休' : '班') : null;
          const cell = (
            <button
              type="button"
              key={date}
              style={cellStyle(ex, weekend, !!onPick)}
              onClick={onPick ? () => onPick(date) : undefined}
              aria-label={`${date}${ex?.name ? ` ${ex.name}` : ''}${mark ? ` ${mark}` : ''}`}
              data-date={date}
            >
              {d}
              {mark ? <sup style={{ fontSize: 9, marginLeft: 1 }}>{mark}</sup> : null}
            </button>
          );
          return ex?.name ? (
            <Tooltip key={date} title={`${ex.name}（${ex.kind === 'holiday' ? '法定节假日' : '调休上班'}）`}>
              {cell}
            </Tooltip>
          ) : (
            cell
          );
        })}
      </div>
    </Card>
  );
}

/** Twelve mini months; 休 (red) = holiday, 班 (blue) = make-up workday. */
export function YearGrid({
  year,
  days,
  onPick,
}: {
  year: number;
  days: CalendarDay[];
  onPick?: (date: string) => void;
}) {
  const exceptions = new Map(days.map((d) => [d.date, d]));
  return (
    <Row gutter={[12, 12]}>
      {MONTHS.map((m) => (
        <Col key={`month-${m}`} xs={24} sm={12} lg={8} xl={6}>
          <Month year={year} month={m} exceptions={exceptions} onPick={onPick} />
        </Col>
      ))}
    </Row>
  );
}
