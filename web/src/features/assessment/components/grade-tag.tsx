import { Tag, Tooltip } from 'antd';

const GRADE_COLORS: Record<string, string> = { excellent: 'green', good: 'blue', fair: 'gold', poor: 'red' };

/** 等次, and 一票否决 beside it when a veto capped the grade. */
export function GradeTag({ grade, label, vetoed }: { grade: string; label: string; vetoed: boolean }) {
  return (
    <>
      <Tag color={GRADE_COLORS[grade]}>{label}</Tag>
      {vetoed ? (
        <Tooltip title="触发一票否决，等次封顶（原因见单位得分明细）">
          <Tag color="red">一票否决</Tag>
        </Tooltip>
      ) : null}
    </>
  );
}
