import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';

/** A region's settings of one kind (escalation, assessment, security), cached under ['settings', kind]. */
const keyOf = (kind: string) => ['settings', kind] as const;

/** GET the settings at `path`. */
export function useSettings<V>(kind: string, path: string) {
  return useQuery({ queryKey: keyOf(kind), queryFn: ({ signal }) => api<V>(path, { signal }) });
}

/** Saves the settings; the server's answer replaces the cached ones. `silent`: the page shows the error itself. */
export function useSaveSettings<I, V>(kind: string, save: (input: I) => Promise<V>, silent: boolean) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: save,
    meta: silent ? { silent } : undefined,
    onSuccess: (data) => qc.setQueryData(keyOf(kind), data),
  });
}
