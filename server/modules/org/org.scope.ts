import { PROVINCE_ROLES, REGION_WIDE_ROLES } from '../../../common/roles.js';
import type { ScopeResolver } from '../../platform/auth/auth.service.js';
import * as repo from './org.repository.js';

/** Data scope of a user's role grants (SPEC 1): region, own unit (+ subordinates), units in charge, group units. */
export const resolveScope: ScopeResolver = async (db, grants, personId) => {
  // A province account (province roles only) belongs to no county: anything region-bound refuses it.
  const province = grants.length > 0 && grants.every((g) => PROVINCE_ROLES.includes(g.role));
  const regionId = province ? null : (grants.find((g) => g.regionId)?.regionId ?? (await repo.defaultRegionId(db)));
  const allUnits = grants.some((g) => REGION_WIDE_ROLES.includes(g.role));
  const groupIds = grants.filter((g) => g.groupId).map((g) => g.groupId as string);
  const unitIds = new Set<string>();
  if (!allUnits) {
    const own = grants.filter((g) => g.unitId && g.role !== 'unit_head').map((g) => g.unitId as string);
    const headed = grants.filter((g) => g.role === 'unit_head' && g.unitId).map((g) => g.unitId as string);
    const inCharge = grants.some((g) => g.role === 'county_leader') && personId ? [personId] : [];
    for (const id of own) unitIds.add(id);
    for (const id of await repo.unitsWithDescendants(db, headed)) unitIds.add(id);
    for (const id of await repo.unitsInChargeOf(db, inCharge)) unitIds.add(id);
    for (const id of await repo.unitsOfGroups(db, groupIds)) unitIds.add(id);
  }
  return { regionId, allUnits, unitIds: [...unitIds], groupIds, personId };
};
