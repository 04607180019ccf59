import { Button } from 'antd';
import { useNavigate } from 'react-router';
import type { SourceType } from '../../../common/responsibility';
import { usePermission } from '../lib/session';

/**
 * 增派单 from a problem, finding, warning or case (seed 004: 管理缺失、制度缺位 found in supervision, patrol or cases are
 * sent to the leaders as 增派单): opens the 明责 page's new-dispatch form with the source filled in, for those who
 * dispatch (responsibility:manage). The server checks again that the caller may read the source.
 */
export function ExtraDispatchButton({ sourceType, sourceId }: { sourceType: SourceType; sourceId: string }) {
  const navigate = useNavigate();
  if (!usePermission('responsibility:manage')) return null;
  return (
    <Button
      onClick={() => void navigate(`/responsibility?${new URLSearchParams({ extraFrom: sourceType, sourceId })}`)}
    >
      增派单
    </Button>
  );
}
