import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, namesNoGoneRecord } from '../lib/api';
import { notifyError } from '../lib/notify';

function isSilent(meta: Record<string, unknown> | undefined): boolean {
  return meta?.silent === true;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (!isSilent(query.meta)) notifyError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (!isSilent(mutation.meta)) notifyError(error);
        // A stale edit: show the server's message and reload what is on screen.
        if (error instanceof ApiError && error.status === 409)
          void client.invalidateQueries({ predicate: namesNoGoneRecord });
      },
    }),
    defaultOptions: {
      queries: {
        retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
        // Coming back to the tab shows what others changed meanwhile (a unit's progress, a case reaching 审理).
        refetchOnWindowFocus: true,
        staleTime: 10_000,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
