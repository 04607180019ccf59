import { Button, Input, Popconfirm, Radio, Space, Tag, Typography } from 'antd';
import { type KeyboardEvent, useState } from 'react';
import { Link } from 'react-router';
import { SPOT_CHECK_VERDICTS, type SpotCheckVerdict } from '../../../../../common/responsibility.spot-checks';
import { ZVerdictInput } from '../../../../../common/responsibility.spot-checks.schema';
import { countOf, maxLengthOf, textFits } from '../../../lib/schema-limits';
import { notifySuccess, quietly } from '../../../lib/notify';
import { type SpotCheckVerdict as Verdict, useConvertVerdict, useRecordVerdict } from '../api/spot-checks';

export const VERDICT_COLORS: Record<SpotCheckVerdict, string> = {
  accurate: 'green',
  untrue: 'red',
  inadequate: 'orange',
};

const KEYS = Object.keys(SPOT_CHECK_VERDICTS) as SpotCheckVerdict[];

/**
 * The verdict on one sampled item, entered from the keyboard: Tab to the row, 1 / 2 / 3 (or the arrow keys)
 * pick 属实 / 不实 / 不到位, Tab on to the comment and the evidence reference, Enter saves.
 */
export function VerdictEditor({ spotCheckId, v }: { spotCheckId: string; v: Verdict }) {
  const record = useRecordVerdict(spotCheckId);
  const [verdict, setVerdict] = useState<SpotCheckVerdict | null>(v.verdict);
  const [comment, setComment] = useState(v.comment);
  const [evidenceRef, setEvidenceRef] = useState(v.evidenceRef);
  const changed = verdict !== v.verdict || comment !== v.comment || evidenceRef !== v.evidenceRef;
  const save = async () => {
    if (!verdict) return;
    if (
      !textFits('核查意见', comment, maxLengthOf(ZVerdictInput.shape.comment)) ||
      !textFits('核查依据', evidenceRef, maxLengthOf(ZVerdictInput.shape.evidenceRef))
    )
      return;
    const ok = await quietly(record.mutateAsync({ verdictId: v.id, verdict, comment, evidenceRef }));
    if (ok) notifySuccess('核查结论已保存');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const k = KEYS[Number(e.key) - 1];
    if (k && !(e.target instanceof HTMLInputElement && e.target.type === 'text')) {
      e.preventDefault();
      setVerdict(k);
    }
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: digit shortcuts for the radio group inside
    <div onKeyDown={onKeyDown} data-testid={`verdict-${v.seq}`}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          size="small"
          value={verdict}
          aria-label={`第${v.seq}项核查结论`}
          onChange={(e) => setVerdict(e.target.value)}
          options={KEYS.map((k, i) => ({ value: k, label: `${i + 1} ${SPOT_CHECK_VERDICTS[k]}` }))}
        />
        <Input
          size="small"
          placeholder={verdict && verdict !== 'accurate' ? '核查意见（必填）' : '核查意见'}
          value={comment}
          count={countOf(maxLengthOf(ZVerdictInput.shape.comment))}
          onChange={(e) => setComment(e.target.value)}
          onPressEnter={() => void save()}
        />
        <Input
          size="small"
          placeholder="核查依据（如现场核查记录编号，可选）"
          value={evidenceRef}
          count={countOf(maxLengthOf(ZVerdictInput.shape.evidenceRef))}
          onChange={(e) => setEvidenceRef(e.target.value)}
          onPressEnter={() => void save()}
        />
        <Button
          size="small"
          type={changed ? 'primary' : 'default'}
          // Disabled while saving rather than antd's spinner: a spinner withdrawn as the row re-rendered could leave
          // its icon (aria-label "loading") behind in the button, which then never read 更新 again — even with a
          // delay, on a loaded machine (issue #20's flake, met again in the browser suite at load 10).
          disabled={!verdict || record.isPending}
          onClick={() => void save()}
        >
          {v.verdict ? '更新' : '保存'}
        </Button>
      </Space>
    </div>
  );
}

/** A recorded verdict as read once the check is concluded, with 转为问题 for a 不实/不到位 one. */
export function VerdictView({ spotCheckId, v }: { spotCheckId: string; v: Verdict }) {
  const convert = useConvertVerdict(spotCheckId);
  return (
    <Space orientation="vertical" size={2}>
      {v.verdict ? <Tag color={VERDICT_COLORS[v.verdict]}>{v.verdictLabel}</Tag> : <Tag>{v.verdictLabel}</Tag>}
      {v.comment ? <Typography.Text>{v.comment}</Typography.Text> : null}
      {v.evidenceRef ? <Typography.Text type="secondary">核查依据：{v.evidenceRef}</Typography.Text> : null}
      {v.recordedByName ? <Typography.Text type="secondary">核查人：{v.recordedByName}</Typography.Text> : null}
      {v.problemId ? (
        <Link to={`/problems/${v.problemId}`}>已转为问题 {v.problemCode}</Link>
      ) : v.actions.includes('convert') ? (
        <Popconfirm
          title="转为问题"
          description="将为责任单位生成一条问题清单并交办整改，每项只能转一次。"
          okText="转为问题"
          cancelText="取消"
          onConfirm={async () => {
            const ok = await quietly(convert.mutateAsync({ verdictId: v.id }));
            if (ok) notifySuccess(`已转为问题 ${ok.problemCode ?? ''}`);
          }}
        >
          <Button size="small" danger loading={convert.isPending}>
            转为问题
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}
