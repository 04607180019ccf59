import { useQuery } from '@tanstack/react-query';
import type { ZWarningFigures } from '../../../../../common/warnings.schema';
import type { Response } from '../../../../../common/zod';
import { api } from '../../../lib/api';

/** GET /api/warnings/figures: the simulated-accountability statistics of seed 000. */
export type WarningFigures = Response<typeof ZWarningFigures>;

export function useWarningFigures() {
  return useQuery({
    queryKey: ['warnings', 'figures'],
    queryFn: ({ signal }) => api<WarningFigures>('/warnings/figures', { signal }),
  });
}
