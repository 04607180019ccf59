import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { Link } from 'react-router';
import type { ZComplaint } from '../../../common/complaints.schema';
import type { Response } from '../../../common/zod';
import { api, type Page } from '../lib/api';
import { hasPermission, useMe } from '../lib/session';

/**
 * The complaint a problem was dispatched from (信访举报 → 交办问题), for those who may read complaints: the unit
 * that must fix the problem sees only its source 信访举报, never the complaint (issue #16).
 */
export function ComplaintOfProblem({ problemId }: { problemId: string }) {
  const { data: me } = useMe();
  const { data } = useQuery({
    queryKey: ['complaints', 'list', { problemId }],
    queryFn: ({ signal }) =>
      api<Page<Response<typeof ZComplaint>>>('/complaints', { query: { problemId, pageSize: 5 }, signal }),
    enabled: hasPermission(me, 'complaints:read'),
    meta: { silent: true },
  });
  const complaint = data?.items[0];
  if (!complaint) return null;
  return (
    <Alert
      showIcon
      type="info"
      style={{ marginBottom: 16 }}
      data-testid="complaint-of-problem"
      message={
        <span>
          由信访举报件 <Link to={`/complaints/${complaint.id}`}>{complaint.code}</Link> 交办
        </span>
      }
    />
  );
}
