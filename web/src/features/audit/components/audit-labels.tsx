import { Tooltip } from 'antd';

export { auditTypeLabel, objectLabel } from '../../../../../common/audit-labels';

/** A code shown in words, the code itself on hover (administrators search and filter by it). */
export function Coded({ code, text }: { code: string | null; text: string }) {
  return code ? (
    <Tooltip title={code}>
      <span>{text}</span>
    </Tooltip>
  ) : (
    text
  );
}
