import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** GET /api/warnings/figures: the simulated-accountability statistics of seed 000. */
export interface WarningFigures {
  scans: number;
  bySituation: { situation_id: string; name: string; n: number }[];
  byUnit: { unit_id: string; name: string; n: number }[];
  byMonth: { month: string; n: number }[];
  byState: { state: string; n: number }[];
  rectified: number;
  cadres: number;
  issued: number;
}

export function useWarningFigures() {
  return useQuery({
    queryKey: ['warnings', 'figures'],
    queryFn: ({ signal }) => api<WarningFigures>('/warnings/figures', { signal }),
  });
}
