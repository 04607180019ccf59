import { Form, Select } from 'antd';
import { type CaseDetail, useCaseOfficers } from '../api/cases';
import { officerOptions, renderOfficerOption } from './officer-options';

/** The case's investigators now. */
export const investigatorIds = (c: CaseDetail) =>
  c.members.filter((m) => m.role === 'investigator').map((m) => m.userId);

const sameTeam = (ids: string[], c: CaseDetail) => {
  const now = investigatorIds(c);
  return ids.length === now.length && ids.every((id) => now.includes(id));
};

/** The investigation team as it is to be: the region's case officers, those who cannot investigate disabled. */
function TeamSelect(field: { id?: string; value?: string[]; onChange?: (v: string[]) => void }) {
  const officers = useCaseOfficers();
  return (
    <Select
      {...field}
      mode="multiple"
      aria-label="调查组成员"
      loading={officers.isLoading}
      options={officerOptions(officers.data?.items ?? [], { team: true })}
      optionRender={renderOfficerOption}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}

/** 调整调查组: the same team rule as 立项 (the server checks it again), and a team that is not changed is refused here. */
export function TeamField({ c }: { c: CaseDetail }) {
  return (
    <Form.Item
      name="teamUserIds"
      label="调查组成员"
      extra="调查组不少于二人；委领导、联审签署人和本案的联审、评查人员不能担任调查人员"
      rules={[
        { required: true, type: 'array', min: 2, message: '调查组不少于二人' },
        {
          validator: (_, ids: string[] = []) =>
            sameTeam(ids, c) ? Promise.reject(new Error('调查组没有变化')) : Promise.resolve(),
        },
      ]}
    >
      <TeamSelect />
    </Form.Item>
  );
}
