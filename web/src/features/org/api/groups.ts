import type { GroupKind } from '../../../../../common/org';
import type { ZCreateGroup, ZGroup, ZListGroups } from '../../../../../common/org.schema';
import type { Response, z } from '../../../../../common/zod';
import { apiPatch, apiPost, type Page, type ListQueryOf } from '../../../lib/api';
import { resource, useResourceList, useRefetchingMutation } from '../../../lib/resource';

export type { GroupKind };
export type Group = Response<typeof ZGroup>;
export type GroupInput = z.input<typeof ZCreateGroup>;

export type GroupFilters = Pick<z.input<typeof ZListGroups>, 'kind' | 'q'>;
/** The query of the list: all of ZListGroups the server reads, with the page and sort. */
export type GroupQuery = ListQueryOf<typeof ZListGroups>;

const groups = resource<Page<Group>, Group>('groups', '/groups');

/** One page of the 工作组 list. */
export const useGroups = (q: GroupQuery) => useResourceList(groups, q);

export function useSaveGroup() {
  return useRefetchingMutation(
    groups.keys.all,
    ({ id, input, version }: { id?: string; input: GroupInput; version?: number }) =>
      id ? apiPatch<Group>(`/groups/${id}`, { ...input, version }) : apiPost<Group>('/groups', input),
  );
}
