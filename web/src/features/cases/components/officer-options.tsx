import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Response } from '../../../../../common/zod';
import type { ZCaseOfficers } from '../../../../../common/cases.officers.schema';

type Officer = Response<typeof ZCaseOfficers>['items'][number];

/** 「张三 · 案件监督管理室 · 调查人员」: who a person is, not a bare name (issue #20). */
export const officerLabel = (o: Officer) => [o.displayName, o.unitName, o.roleLabel].filter(Boolean).join(' · ');

/**
 * Options of an officer picker. With `team`, the people the server would refuse on an investigation team (leaders,
 * 联审 signers) are shown disabled with the reason, from the same rule the server applies.
 */
export function officerOptions(items: readonly Officer[], opts: { team?: boolean } = {}) {
  return items.map((o) => ({
    value: o.userId,
    label: officerLabel(o),
    disabled: !!(opts.team && o.teamRefusal),
    reason: opts.team ? o.teamRefusal : null,
  }));
}

/** Renders an option with the reason it cannot be chosen under the name. */
export function renderOfficerOption(option: { label?: ReactNode; data: { reason?: string | null } }) {
  return (
    <div>
      <div>{option.label}</div>
      {option.data.reason ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
          {option.data.reason}
        </Typography.Text>
      ) : null}
    </div>
  );
}
