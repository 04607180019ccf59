import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import type { ZToleranceLists } from '../../../common/tolerance.schema';
import type { Response } from '../../../common/zod';
import { api } from '../lib/api';

/** The 容错情形 and 不予容错情形 lists in force for the caller's region (rules as data, versioned). */
export type ToleranceLists = Response<typeof ZToleranceLists>;
export const useToleranceLists = () =>
  useQuery({
    queryKey: ['tolerance', 'lists'],
    queryFn: ({ signal }) => api<ToleranceLists>('/tolerance-filings/lists', { signal }),
  });

type FieldName = string | (string | number)[];

/**
 * 容错情形清单 / 不予容错情形清单 in force: the user names what applies (any 不予容错情形 refuses 容错). Used by the
 * 事前备案 form and by a case's 责任认定 when 容错 is claimed; the server checks the same lists.
 */
export function ToleranceListFields({
  positiveName,
  negativeName,
  required,
}: {
  positiveName: FieldName;
  negativeName: FieldName;
  required: boolean;
}) {
  const lists = useToleranceLists();
  const options = (items: { key: string; text: string; source: string }[] = []) =>
    items.map((i) => ({ value: i.key, label: `${i.text}（${i.source}）` }));
  return (
    <>
      <Form.Item
        name={positiveName}
        label={`符合的容错情形（容错情形清单第${lists.data?.positive.version ?? ''}版）`}
        rules={required ? [{ required: true, message: '请至少选择一项容错情形' }] : []}
      >
        <Select mode="multiple" aria-label="符合的容错情形" options={options(lists.data?.positive.items)} />
      </Form.Item>
      <Form.Item
        name={negativeName}
        label={`涉及的不予容错情形（不予容错情形清单第${lists.data?.negative.version ?? ''}版；涉及任一项不予容错）`}
      >
        <Select mode="multiple" aria-label="涉及的不予容错情形" options={options(lists.data?.negative.items)} />
      </Form.Item>
    </>
  );
}
