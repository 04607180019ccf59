import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { PROPOSAL_SOURCE_PERMISSIONS } from '../../../common/proposals';
import type { ZProposal } from '../../../common/proposals.schema';
import type { Response } from '../../../common/zod';
import { api, type Page } from '../lib/api';
import { hasPermission, useMe } from '../lib/session';
import { formatDateTime } from '../lib/format';

type Proposal = Response<typeof ZProposal>;

/** Who reads proposals: the intake (cases:manage) and the offices of the sources (server: proposalViewerOf). */
const READERS = ['cases:manage', ...PROPOSAL_SOURCE_PERMISSIONS];

const TYPES = { pending: 'info', accepted: 'success', declined: 'warning' } as const;

/**
 * The 问责建议 a source object (problem, warning, patrol finding, case, complaint) handed to the case office, and
 * their outcome: 待受理, 已立案 with the case, or 不予立案 with the reason (issue #17).
 */
export function ProposalOutcome({ sourceId }: { sourceId: string }) {
  const { data: me } = useMe();
  const reader = READERS.some((p) => hasPermission(me, p));
  const { data } = useQuery({
    queryKey: ['proposals', 'list', { sourceId }],
    queryFn: ({ signal }) =>
      api<Page<Proposal>>('/accountability-proposals', { query: { sourceId, pageSize: 20 }, signal }),
    enabled: reader,
    meta: { silent: true },
  });
  if (!data?.items.length) return null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="proposal-outcome">
      {data.items.map((p) => (
        <Alert
          key={p.id}
          showIcon
          type={TYPES[p.state]}
          title={
            <span>
              问责建议 <Link to={`/cases/proposals/${p.id}`}>{p.code}</Link>：{p.stateLabel}
              {p.state === 'accepted' && p.caseId ? (
                <>
                  ，已立案 <Link to={`/cases/${p.caseId}`}>{p.caseCode ?? '查看案件'}</Link>
                </>
              ) : null}
            </span>
          }
          description={
            p.state === 'declined' ? (
              <Typography.Text>
                不予立案理由：{p.declineReason || '—'}
                {p.decidedAt ? `（${p.decidedByName ?? ''} ${formatDateTime(p.decidedAt)}）` : ''}
              </Typography.Text>
            ) : p.state === 'pending' ? (
              `已于 ${formatDateTime(p.createdAt)} 移送案件审理室，待受理。`
            ) : undefined
          }
        />
      ))}
    </Flex>
  );
}
