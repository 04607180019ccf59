import { withoutIssuedCopies } from '../platform/documents/document-copies.js';
import { seedDemoDocuments } from './demo-documents.js';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Role } from '../../common/roles.js';
import * as auth from '../platform/auth/auth.service.js';
import { hashPassword } from '../platform/auth/auth.service.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { loadInitialYears } from '../platform/calendar/calendar.service.js';
import { isoDate } from '../platform/calendar/working-days.js';
import type { Clock } from '../platform/clock/clock.js';
import { type Ctx, systemCtx } from '../platform/context.js';
import type { Database, Executor } from '../platform/db/client.js';
import * as orgRepo from '../modules/org/org.repository.js';
import { DEMO_COUNTY_LEADERS, DEMO_UNITS, GIVEN, SURNAMES } from './demo-county.data.js';
import { seedDemoProblems } from './demo-problems.js';
import { seedDemoWarnings } from './demo-warnings.js';
import { seedDemoMeeting } from './demo-meeting.js';
import { seedDemoCases } from './demo-cases.js';
import { seedDemoPatrol } from './demo-patrol.js';
import { seedDemoToleranceTalks } from './demo-tolerance-talks.js';
import { seedDemoResponsibility } from './demo-responsibility.js';
import { seedDemoComplaints } from './demo-complaints.js';
import { seedDemoProposals } from './demo-proposals.js';
import { seedDemoAssessment, seedDemoEvaluation, seedDemoReview } from './demo-assessment.js';
import { seedSituations } from '../modules/warnings/warnings.service.js';
import { seedRulesV1 } from '../modules/rules/rules.service.js';

export const DEMO_PASSWORD = 'Zelian@2026';

/**
 * First start: creates the region, the demo county (or only `sysadmin`) and loads the
 * holiday calendar. Does nothing when the database already holds a region.
 */
export async function initialiseDatabase(
  database: Database,
  clock: Clock,
  opts: { demo: boolean },
): Promise<{ created: boolean; sysadminPassword?: string }> {
  return database.db.transaction(async (tx) => {
    // Two instances starting together on one PostgreSQL must not both seed.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7242026)`);
    if ((await orgRepo.countRegions(tx)) > 0) return { created: false };
    const ctx = systemCtx(tx, clock);
    const region = await orgRepo.insertRegion(tx, { name: '示范县', code: 'DEMO' });
    await loadInitialYears(ctx);
    await seedSituations(ctx, region.id);
    await seedRulesV1(tx);
    let sysadminPassword: string | undefined;
    if (opts.demo) {
      await withoutIssuedCopies(async () => {
        await seedDemoCounty(ctx, region.id);
        await seedDemoProblems(ctx, region.id);
        await seedDemoWarnings(ctx);
        await seedDemoMeeting(ctx, region.id);
        await seedDemoPatrol(ctx, region.id);
        await seedDemoToleranceTalks(ctx, region.id);
        await seedDemoCases(ctx, region.id);
        await seedDemoProposals(ctx, region.id);
        await seedDemoDocuments(ctx, region.id);
        await seedDemoResponsibility(ctx, region.id);
        await seedDemoComplaints(ctx, region.id);
        // The meeting first: its in-person 述责述廉 counts in this year's published leader assessment.
        await seedDemoEvaluation(ctx, region.id);
        await seedDemoAssessment(ctx, region.id);
        await seedDemoReview(ctx, region.id);
      });
    } else {
      sysadminPassword = `Zl-${crypto.randomBytes(12).toString('base64url')}`;
      const user = await auth.insertUser(tx, {
        username: 'sysadmin',
        displayName: '系统管理员',
        regionId: region.id,
        passwordHash: await hashPassword(sysadminPassword),
        mustChangePassword: true,
      });
      await auth.replaceRoles(tx, user.id, [{ role: 'sys_admin', regionId: region.id }]);
    }
    await recordAudit(ctx, {
      type: 'system.initialised',
      entity: 'region',
      entityId: region.id,
      after: { region: region.name, demo: opts.demo },
    });
    return { created: true, sysadminPassword };
  });
}

/** A deterministic pseudo-random sequence, so every fresh demo county has the same people. */
function* sequence(seed: number) {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield x;
  }
}

function principalPost(name: string, type: string): string {
  if (type === 'township') return name.endsWith('街道') ? '党工委书记' : '党委书记';
  if (type === 'soe') return '党委书记、董事长';
  if (type === 'dispatched') return '组长';
  if (name.endsWith('局') || name.endsWith('分局')) return '党组书记、局长';
  if (name.endsWith('部')) return '常务副部长';
  return '主任';
}

function deputyPost(name: string, type: string, i: number): string {
  if (type === 'township')
    return i === 0
      ? name.endsWith('街道')
        ? '党工委副书记、办事处主任'
        : '党委副书记、镇（乡）长'
      : '党委委员、副镇（乡）长';
  if (type === 'soe') return '副总经理';
  if (type === 'dispatched') return '副组长';
  if (name.endsWith('局') || name.endsWith('分局')) return '副局长';
  if (name.endsWith('部')) return '副部长';
  return '副主任';
}

async function seedDemoCounty(ctx: Ctx, regionId: string) {
  const db: Executor = ctx.db;
  const rnd = sequence(2026);
  const pick = <T>(xs: readonly T[] | string) => xs[(rnd.next().value as number) % xs.length] as T;
  const usedNames = new Set<string>();
  const newName = () => {
    for (;;) {
      const n = pick<string>(SURNAMES) + pick(GIVEN);
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
  };
  const today = isoDate(ctx.now);

  const unitId = new Map(DEMO_UNITS.map(([code]) => [code, crypto.randomUUID()]));
  const unitRows = DEMO_UNITS.map(([code, name, shortName, type, parent], i) => ({
    id: unitId.get(code) as string,
    regionId,
    parentId: parent ? (unitId.get(parent) as string) : null,
    code,
    name,
    shortName,
    type,
    sortOrder: (i + 1) * 10,
  }));

  type NewPerson = {
    id: string;
    regionId: string;
    unitId: string;
    name: string;
    gender: '男' | '女';
    post: string;
    rank: string;
    partyMember: boolean;
    isLeader: boolean;
    phone: string;
  };
  const people: NewPerson[] = [];
  const person = (unit: string, post: string, rank: string, isLeader: boolean): NewPerson => {
    const p: NewPerson = {
      id: crypto.randomUUID(),
      regionId,
      unitId: unitId.get(unit) as string,
      name: newName(),
      gender: pick(['男', '男', '女'] as const),
      post,
      rank,
      partyMember: isLeader || pick([true, true, true, false]),
      isLeader,
      phone: `139${String(people.length + 10000000).padStart(8, '0')}`,
    };
    people.push(p);
    return p;
  };

  const roles = new Map<
    string,
    { principal?: NewPerson; members: NewPerson[]; liaison?: NewPerson; leader?: NewPerson }
  >();
  for (const code of unitId.keys()) roles.set(code, { members: [] });

  const countyLeaders = DEMO_COUNTY_LEADERS.map((l) => {
    const p = person(l.unit, l.post, '县处级正职', true);
    for (const code of l.inCharge) (roles.get(code) as { leader?: NewPerson }).leader = p;
    return { ...l, person: p };
  });
  const roots = new Set(['XW', 'ZF', 'JW']);
  for (const [code, name, , type] of DEMO_UNITS) {
    const r = roles.get(code) as NonNullable<ReturnType<typeof roles.get>>;
    if (roots.has(code)) {
      r.principal = countyLeaders.find((l) => l.unit === code)?.person;
      continue;
    }
    r.principal = person(code, principalPost(name, type), type === 'township' ? '正科级' : '正科级', true);
    const deputies = type === 'township' ? 3 : 2;
    for (let i = 0; i < deputies; i++) r.members.push(person(code, deputyPost(name, type, i), '副科级', true));
    r.liaison = person(code, type === 'township' ? '党政综合办主任' : '办公室主任', '一级科员', false);
    if (type !== 'dispatched') person(code, '科员', '二级科员', false);
  }
  // The supervision-patrol office staffs the six patrol groups.
  const patrolStaff = Array.from({ length: 18 }, (_, i) =>
    person(
      'JW-DC',
      i % 3 === 0 ? '督导巡查组组长' : '督导巡查组组员',
      i % 3 === 0 ? '四级调研员' : '一级科员',
      i % 3 === 0,
    ),
  );

  await orgRepo.insertUnits(db, unitRows);
  await orgRepo.insertPeople(db, people);
  await orgRepo.insertPosts(
    db,
    people.map((p) => ({ personId: p.id, unitId: p.unitId, post: p.post, from: today })),
  );
  for (const [code, r] of roles) {
    const id = unitId.get(code) as string;
    // Freshly inserted: version 1.
    await orgRepo.updateUnit(db, id, 1, {
      principalPersonId: r.principal?.id ?? null,
      liaisonPersonId: r.liaison?.id ?? null,
      leaderInChargePersonId: r.leader?.id ?? null,
    });
    if (r.members.length)
      await orgRepo.replaceMembers(
        db,
        id,
        r.members.map((m) => m.id),
      );
  }

  // Groups: six patrol groups covering departments and townships round-robin, four dispatched groups, the joint meeting.
  const covered = DEMO_UNITS.filter(
    ([, , , type, parent]) => type === 'township' || type === 'soe' || parent === 'ZF',
  ).map(([code]) => code);
  const groupIds: Record<string, string> = {};
  const cn = '一二三四五六';
  for (let g = 0; g < 6; g++) {
    const staff = patrolStaff.slice(g * 3, g * 3 + 3);
    const row = await orgRepo.insertGroup(db, {
      regionId,
      kind: 'patrol',
      name: `第${cn[g]}督导巡查组`,
      sortOrder: g + 1,
      leaderPersonId: staff[0].id,
    });
    groupIds[`group${g + 1}`] = row.id;
    await orgRepo.replaceGroupLinks(
      db,
      row.id,
      staff.map((s) => s.id),
      covered.filter((_, i) => i % 6 === g).map((c) => unitId.get(c) as string),
    );
  }
  const oversight: Record<string, string[]> = {
    PZ1: ['ZJJ', 'ZRJ', 'JTJ', 'SLJ', 'CGJ', 'HBJ'],
    PZ2: ['YJJ', 'SJJ', 'GAJ', 'XFJ', 'SPJ'],
    PZ3: ['JYJ', 'WJJ', 'MZJ', 'RSJ', 'YBJ', 'XC'],
    PZ4: ['FGJ', 'CZJ', 'SWJ', 'WLJ', 'SJ', 'TJJ', 'NYJ', 'LYJ'],
  };
  for (const [code, oversees] of Object.entries(oversight)) {
    const r = roles.get(code) as NonNullable<ReturnType<typeof roles.get>>;
    const name = DEMO_UNITS.find(([c]) => c === code)?.[1] as string;
    const row = await orgRepo.insertGroup(db, {
      regionId,
      kind: 'dispatched',
      name,
      leaderPersonId: r.principal?.id ?? null,
    });
    groupIds[code] = row.id;
    await orgRepo.replaceGroupLinks(
      db,
      row.id,
      [r.principal, ...r.members].filter((x): x is NewPerson => !!x).map((p) => p.id),
      oversees.map((c) => unitId.get(c) as string),
    );
  }
  const joint = await orgRepo.insertGroup(db, {
    regionId,
    kind: 'joint_meeting',
    name: '模拟问责联席会议',
    leaderPersonId: countyLeaders[2].person.id,
  });
  await orgRepo.replaceGroupLinks(
    db,
    joint.id,
    [countyLeaders[2].person, ...['XWB', 'ZFB', 'ZZB', 'BB', 'JW-DF'].map((c) => roles.get(c)?.principal)]
      .filter((x): x is NewPerson => !!x)
      .map((p) => p.id),
    [],
  );

  // Demo accounts, all with DEMO_PASSWORD (one hash: the password is public anyway).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const r = (code: string) => roles.get(code) as NonNullable<ReturnType<typeof roles.get>>;
  const accounts: {
    username: string;
    role: Role;
    person?: NewPerson;
    displayName?: string;
    unit?: string;
    group?: string;
  }[] = [
    { username: 'sysadmin', role: 'sys_admin', displayName: '系统管理员' },
    { username: 'secadmin', role: 'sec_admin', displayName: '安全保密管理员' },
    { username: 'auditadmin', role: 'audit_admin', displayName: '安全审计员' },
    { username: 'leader', role: 'commission_leader', person: countyLeaders[2].person },
    { username: 'office', role: 'supervision_office', person: r('JW-DF').principal },
    { username: 'caseoffice', role: 'case_office', person: r('JW-SL').principal },
    { username: 'anguan', role: 'case_office', person: r('JW-AG').principal },
    // Accountability investigators (问责调查组).
    { username: 'wenze1', role: 'case_office', person: r('JW-DF').members[0] },
    { username: 'wenze2', role: 'case_office', person: r('JW-AG').members[0] },
    ...[1, 2, 3, 4, 5, 6].map((i) => ({
      username: `group${i}`,
      role: 'patrol_group' as Role,
      person: patrolStaff[(i - 1) * 3],
      group: `group${i}`,
    })),
    { username: 'paizhu1', role: 'dispatched_group', person: r('PZ1').principal, group: 'PZ1' },
    { username: 'zhujian', role: 'unit_liaison', person: r('ZJJ').liaison, unit: 'ZJJ' },
    { username: 'zhujian.head', role: 'unit_head', person: r('ZJJ').principal, unit: 'ZJJ' },
    { username: 'yingji', role: 'unit_liaison', person: r('YJJ').liaison, unit: 'YJJ' },
    {
      username: 'fuxianzhang',
      role: 'county_leader',
      person: countyLeaders.find((l) => l.account === 'fuxianzhang')?.person,
    },
    { username: 'zuzhibu', role: 'org_department', person: r('ZZB').members[0] },
    { username: 'bianban', role: 'joint_member', person: r('BB').principal, unit: 'BB' },
  ];
  for (const a of accounts) {
    const user = await auth.insertUser(db, {
      username: a.username,
      displayName: a.displayName ?? a.person?.name ?? a.username,
      personId: a.person?.id ?? null,
      regionId,
      passwordHash,
    });
    await auth.replaceRoles(db, user.id, [
      {
        role: a.role,
        regionId,
        unitId: a.unit ? (unitId.get(a.unit) ?? null) : null,
        groupId: a.group ? groupIds[a.group] : null,
      },
    ]);
  }
}
