import { UNIT_TYPE_LABELS } from '../../../common/org.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { isoDate } from '../../platform/calendar/working-days.js';
import { type Ctx, type Scope, actorOf } from '../../platform/context.js';
import { type Executor, readTogether } from '../../platform/db/client.js';
import { badRequest, conflict, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import * as repo from './org.repository.js';
import type {
  TCreateGroup,
  TListGroups,
  TCreatePerson,
  TCreateUnit,
  TUpdateGroup,
  TUpdatePerson,
  TUpdateUnit,
} from '../../../common/org.schema.js';

const scopeOf = (ctx: Ctx): Scope => actorOf(ctx).scope;
const canWrite = (ctx: Ctx) => actorOf(ctx).permissions.has('org:write');
const writeActions = (ctx: Ctx) => (canWrite(ctx) ? ['update', 'delete'] : []);

function regionOf(ctx: Ctx): string {
  const regionId = scopeOf(ctx).regionId;
  if (!regionId) throw forbidden('当前账号未绑定地区');
  return regionId;
}

// ---------- units

function presentUnit(ctx: Ctx, row: repo.UnitWithNames, memberPersonIds: string[]) {
  const { unit } = row;
  return {
    id: unit.id,
    parentId: unit.parentId,
    name: unit.name,
    shortName: unit.shortName,
    code: unit.code,
    type: unit.type,
    typeLabel: UNIT_TYPE_LABELS[unit.type],
    sortOrder: unit.sortOrder,
    principalPersonId: unit.principalPersonId,
    principalName: row.principalName,
    liaisonPersonId: unit.liaisonPersonId,
    liaisonName: row.liaisonName,
    leaderInChargePersonId: unit.leaderInChargePersonId,
    leaderInChargeName: row.leaderInChargeName,
    memberPersonIds,
    version: unit.version,
    actions: writeActions(ctx),
  };
}

async function withMembers(ctx: Ctx, rows: repo.UnitWithNames[]) {
  const members = await repo.membersOf(
    ctx.db,
    rows.map((r) => r.unit.id),
  );
  return rows.map((r) =>
    presentUnit(
      ctx,
      r,
      members.filter((m) => m.unitId === r.unit.id).map((m) => m.personId),
    ),
  );
}

export async function listUnits(ctx: Ctx, f: repo.UnitListFilter) {
  const { items, total } = await repo.listUnits(ctx.db, scopeOf(ctx), f);
  return { items: await withMembers(ctx, items), total };
}

export async function getUnit(ctx: Ctx, id: string) {
  const row = await repo.getUnit(ctx.db, scopeOf(ctx), id);
  if (!row) throw notFound('单位不存在或无权查看');
  return (await withMembers(ctx, [row]))[0];
}

async function checkParent(ctx: Ctx, parentId: string | null | undefined, selfId?: string) {
  if (!parentId) return;
  if (parentId === selfId) throw badRequest('UNIT_PARENT_SELF', '上级单位不能是本单位', 'parentId');
  const visible = await repo.visibleUnitIds(ctx.db, scopeOf(ctx), [parentId]);
  if (!visible.has(parentId)) throw badRequest('UNIT_PARENT_NOT_FOUND', '上级单位不存在', 'parentId');
  if (selfId && (await repo.unitsWithDescendants(ctx.db, [selfId])).includes(parentId)) {
    throw ruleViolation('UNIT_PARENT_CYCLE', '不能把单位移到它自己的下级单位之下', 'parentId');
  }
}

async function checkPeople(ctx: Ctx, ids: (string | null | undefined)[], field: string) {
  const wanted = ids.filter((x): x is string => !!x);
  const visible = await repo.visiblePersonIds(ctx.db, scopeOf(ctx), wanted);
  if (wanted.some((id) => !visible.has(id))) throw badRequest('PERSON_NOT_FOUND', '所选人员不存在', field);
}

async function checkCodeFree(ctx: Ctx, code: string, selfId?: string) {
  const same = await repo.unitsByCode(ctx.db, regionOf(ctx), [code]);
  if (same.some((u) => u.id !== selfId)) throw ruleViolation('UNIT_CODE_TAKEN', `单位编码 ${code} 已被使用`, 'code');
}

export async function createUnit(ctx: Ctx, input: TCreateUnit) {
  await checkParent(ctx, input.parentId);
  await checkCodeFree(ctx, input.code);
  const [unit] = await repo.insertUnits(ctx.db, [
    { ...input, parentId: input.parentId ?? null, regionId: regionOf(ctx) },
  ]);
  await recordAudit(ctx, { type: 'unit.created', entity: 'unit', entityId: unit.id, after: unit });
  return getUnit(ctx, unit.id);
}

export async function updateUnit(ctx: Ctx, id: string, input: TUpdateUnit) {
  const before = await getUnit(ctx, id);
  const { version, memberPersonIds, ...patch } = input;
  if (patch.parentId !== undefined) await checkParent(ctx, patch.parentId, id);
  if (patch.code !== undefined) await checkCodeFree(ctx, patch.code, id);
  await checkPeople(
    ctx,
    [patch.principalPersonId, patch.liaisonPersonId, patch.leaderInChargePersonId, ...(memberPersonIds ?? [])],
    'principalPersonId',
  );
  const updated = await repo.updateUnit(ctx.db, id, version, patch);
  if (!updated) throw conflict();
  if (memberPersonIds) await repo.replaceMembers(ctx.db, id, [...new Set(memberPersonIds)]);
  const after = await getUnit(ctx, id);
  await recordAudit(ctx, { type: 'unit.updated', entity: 'unit', entityId: id, before, after });
  return after;
}

export async function deleteUnit(ctx: Ctx, id: string, version: number) {
  const before = await getUnit(ctx, id);
  const inside = await repo.countChildren(ctx.db, id);
  if (inside.units > 0 || inside.people > 0) {
    throw ruleViolation(
      'UNIT_NOT_EMPTY',
      `该单位下还有 ${inside.units} 个下级单位、${inside.people} 名人员，请先调整后再删除`,
    );
  }
  const row = await repo.updateUnit(ctx.db, id, version, { deletedAt: ctx.clock.now() });
  if (!row) throw conflict();
  await recordAudit(ctx, { type: 'unit.deleted', entity: 'unit', entityId: id, before });
}

// ---------- people

function presentPerson(ctx: Ctx, row: { person: repo.PersonRow; unitName: string }) {
  const p = row.person;
  return {
    id: p.id,
    name: p.name,
    gender: p.gender,
    unitId: p.unitId,
    unitName: row.unitName,
    post: p.post,
    rank: p.rank,
    partyMember: p.partyMember,
    isLeader: p.isLeader,
    phone: p.phone,
    email: p.email,
    version: p.version,
    actions: writeActions(ctx),
  };
}

export async function listPeople(ctx: Ctx, f: repo.PeopleFilter) {
  const { items, total } = await repo.listPeople(ctx.db, scopeOf(ctx), f);
  return { items: items.map((r) => presentPerson(ctx, r)), total };
}

export async function getPerson(ctx: Ctx, id: string) {
  const row = await repo.getPerson(ctx.db, scopeOf(ctx), id);
  if (!row) throw notFound('人员不存在或无权查看');
  const posts = await repo.postsOf(ctx.db, id);
  return {
    ...presentPerson(ctx, row),
    posts: posts.map((p) => ({ unitName: p.unitName, post: p.post.post, from: p.post.from, to: p.post.to })),
  };
}

async function checkUnitVisible(ctx: Ctx, unitId: string) {
  const visible = await repo.visibleUnitIds(ctx.db, scopeOf(ctx), [unitId]);
  if (!visible.has(unitId)) throw badRequest('UNIT_NOT_FOUND', '所属单位不存在', 'unitId');
}

export async function createPerson(ctx: Ctx, input: TCreatePerson) {
  await checkUnitVisible(ctx, input.unitId);
  const [person] = await repo.insertPeople(ctx.db, [{ ...input, regionId: regionOf(ctx) }]);
  if (person.post) {
    await repo.insertPosts(ctx.db, [
      { personId: person.id, unitId: person.unitId, post: person.post, from: isoDate(ctx.now) },
    ]);
  }
  await recordAudit(ctx, { type: 'person.created', entity: 'person', entityId: person.id, after: person });
  return getPerson(ctx, person.id);
}

export async function updatePerson(ctx: Ctx, id: string, input: TUpdatePerson) {
  const before = await getPerson(ctx, id);
  const { version, ...patch } = input;
  if (patch.unitId) await checkUnitVisible(ctx, patch.unitId);
  const updated = await repo.updatePerson(ctx.db, id, version, patch);
  if (!updated) throw conflict();
  if (updated.post !== before.post || updated.unitId !== before.unitId) {
    const today = isoDate(ctx.now);
    await repo.closeOpenPost(ctx.db, id, today);
    if (updated.post)
      await repo.insertPosts(ctx.db, [{ personId: id, unitId: updated.unitId, post: updated.post, from: today }]);
  }
  const after = await getPerson(ctx, id);
  await recordAudit(ctx, { type: 'person.updated', entity: 'person', entityId: id, before, after });
  return after;
}

export async function deletePerson(ctx: Ctx, id: string, version: number) {
  const before = await getPerson(ctx, id);
  const row = await repo.updatePerson(ctx.db, id, version, { deletedAt: ctx.clock.now() });
  if (!row) throw conflict();
  await repo.closeOpenPost(ctx.db, id, isoDate(ctx.now));
  await recordAudit(ctx, { type: 'person.deleted', entity: 'person', entityId: id, before });
}

// ---------- groups

/** Every group in scope (of one kind), for other modules and choosers. */
export async function listGroups(ctx: Ctx, kind?: repo.GroupRow['kind']) {
  const items = await presentGroups(ctx, await repo.listGroups(ctx.db, scopeOf(ctx), { kind }));
  return { items, total: items.length };
}

/** One page of the groups in scope (the 工作组 list). */
export async function pageGroups(ctx: Ctx, f: TListGroups) {
  const [rows, total] = await readTogether(ctx.db, [
    () => repo.listGroups(ctx.db, scopeOf(ctx), f, f),
    () => repo.countGroups(ctx.db, scopeOf(ctx), f),
  ]);
  return { items: await presentGroups(ctx, rows), total };
}

async function presentGroups(ctx: Ctx, rows: Awaited<ReturnType<typeof repo.listGroups>>) {
  const links = await repo.groupLinks(
    ctx.db,
    rows.map((r) => r.group.id),
  );
  return rows.map(({ group, leaderName }) => ({
    id: group.id,
    kind: group.kind,
    name: group.name,
    sortOrder: group.sortOrder,
    leaderPersonId: group.leaderPersonId,
    leaderName,
    memberPersonIds: links.members.filter((m) => m.groupId === group.id).map((m) => m.personId),
    unitIds: links.units.filter((u) => u.groupId === group.id).map((u) => u.unitId),
    version: group.version,
    actions: canWrite(ctx) ? ['update'] : [],
  }));
}

export async function getGroup(ctx: Ctx, id: string) {
  const row = await repo.getGroup(ctx.db, scopeOf(ctx), id);
  if (!row) throw notFound('小组不存在或无权查看');
  const [group] = await presentGroups(ctx, [row]);
  return group;
}

async function checkGroupLinks(ctx: Ctx, input: Partial<TCreateGroup>) {
  await checkPeople(ctx, [input.leaderPersonId, ...(input.memberPersonIds ?? [])], 'memberPersonIds');
  const unitIds = input.unitIds ?? [];
  const visible = await repo.visibleUnitIds(ctx.db, scopeOf(ctx), unitIds);
  if (unitIds.some((u) => !visible.has(u))) throw badRequest('UNIT_NOT_FOUND', '所选单位不存在', 'unitIds');
}

export async function createGroup(ctx: Ctx, input: TCreateGroup) {
  await checkGroupLinks(ctx, input);
  const group = await repo.insertGroup(ctx.db, {
    regionId: regionOf(ctx),
    kind: input.kind,
    name: input.name,
    sortOrder: input.sortOrder,
    leaderPersonId: input.leaderPersonId ?? null,
  });
  await repo.replaceGroupLinks(ctx.db, group.id, [...new Set(input.memberPersonIds)], [...new Set(input.unitIds)]);
  const after = await getGroup(ctx, group.id);
  await recordAudit(ctx, { type: 'group.created', entity: 'group', entityId: group.id, after });
  return after;
}

export async function updateGroup(ctx: Ctx, id: string, input: TUpdateGroup) {
  const before = await getGroup(ctx, id);
  await checkGroupLinks(ctx, input);
  const { version, memberPersonIds, unitIds, ...patch } = input;
  const row = await repo.updateGroup(ctx.db, id, version, patch);
  if (!row) throw conflict();
  await repo.replaceGroupLinks(
    ctx.db,
    id,
    [...new Set(memberPersonIds ?? before.memberPersonIds)],
    [...new Set(unitIds ?? before.unitIds)],
  );
  const after = await getGroup(ctx, id);
  await recordAudit(ctx, { type: 'group.updated', entity: 'group', entityId: id, before, after });
  return after;
}

/**
 * Contacts of units for system work (jobs, notifications), without a caller's scope:
 * principal, liaison and county leader in charge.
 */
export async function unitContactsForSystem(db: Executor, unitIds: string[]) {
  const rows = await repo.unitsByIds(db, unitIds);
  return new Map(
    rows.map((u) => [
      u.id,
      {
        principalPersonId: u.principalPersonId,
        liaisonPersonId: u.liaisonPersonId,
        leaderPersonId: u.leaderInChargePersonId,
      },
    ]),
  );
}

/** Units of the caller's region with these codes (for imports that reference units by code). */
export async function unitsByCode(ctx: Ctx, codes: string[]) {
  const rows = await repo.unitsByCode(ctx.db, regionOf(ctx), codes);
  const visible = await repo.visibleUnitIds(
    ctx.db,
    scopeOf(ctx),
    rows.map((r) => r.id),
  );
  return new Map(rows.filter((r) => visible.has(r.id)).map((r) => [r.code, r]));
}

/** Active people of a region in `unitIds` (any when empty) holding one of `ranks` (any when empty): campaign recipients. */
export async function peopleMatching(db: Executor, regionId: string, unitIds: string[], ranks: string[]) {
  return (await repo.peopleMatching(db, regionId, unitIds, ranks)).map((r) => r.id);
}

/** Phone numbers and e-mail addresses of people by id, for outbound messages. */
export async function contactsOf(
  db: Executor,
  personIds: string[],
): Promise<Map<string, { phone: string; email: string }>> {
  const rows = await repo.contactsOf(db, personIds);
  return new Map(rows.map((r) => [r.id, { phone: r.phone, email: r.email }]));
}

/** Display names of units by id (for documents listing units the reader may not browse). */
/** Names of people by id (accounts, assignments), including people who have since left. */
export async function personNames(db: Executor, personIds: string[]): Promise<Map<string, string>> {
  const rows = await repo.peopleByIds(db, personIds);
  return new Map(rows.map((p) => [p.id, p.name]));
}

/** The unit (short name) each person belongs to, by person id: what a person picker shows beside the name. */
export async function unitNamesOfPeople(db: Executor, personIds: string[]): Promise<Map<string, string>> {
  const rows = await repo.peopleByIds(db, personIds);
  const names = await unitNames(db, [...new Set(rows.flatMap((p) => (p.unitId ? [p.unitId] : [])))]);
  return new Map(rows.flatMap((p) => (p.unitId && names.has(p.unitId) ? [[p.id, names.get(p.unitId) as string]] : [])));
}

export async function unitNames(db: Executor, unitIds: string[]): Promise<Map<string, string>> {
  const rows = await repo.unitsByIds(db, unitIds);
  return new Map(rows.map((u) => [u.id, u.shortName || u.name]));
}
