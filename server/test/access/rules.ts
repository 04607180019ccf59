/** Access-matrix cases for the rule sets (see server/test/access-matrix.test.ts). */
import { and, eq, max } from 'drizzle-orm';
import { type AccessCases, type User, demoRegion, env, json } from '../access.js';
import { ruleVersions } from '../../modules/rules/rules.tables.js';
import { TOLERANCE_READERS } from './tolerance.js';

/** The commission and the three administrators (三员分立: they read the rules, not the cases). */
export const RULE_READERS: User[] = ['leader', 'office', 'caseoffice', 'sysadmin', 'secadmin', 'auditadmin'];

/** A new version of the region's 不予容错情形 list, based on the latest one (a local set). */
async function publish() {
  const regionId = await demoRegion();
  const [{ v }] = await env.t.database.db
    .select({ v: max(ruleVersions.version) })
    .from(ruleVersions)
    .where(and(eq(ruleVersions.key, 'tolerance_negative'), eq(ruleVersions.scope, regionId)));
  return json('POST', '/api/rules/tolerance_negative/versions', {
    basedOn: v ?? 0,
    effectiveFrom: '2030-01-01',
    source: '本县容错纠错实施办法',
    reason: '访问矩阵测试',
    content: { items: [{ key: 'private_gain', text: '为谋取私利的', source: '“三个区分开来”' }] },
  });
}

export const rulesAccessCases: AccessCases = {
  'GET /api/rules': { in: () => json('GET', '/api/rules'), allow: RULE_READERS },
  'GET /api/rules/export.xlsx': { in: () => json('GET', '/api/rules/export.xlsx'), allow: RULE_READERS },
  'GET /api/rules/:key': { in: () => json('GET', '/api/rules/clocks'), allow: RULE_READERS },
  'GET /api/rules/:key/versions/:version': {
    in: () => json('GET', '/api/rules/situations/versions/1'),
    allow: RULE_READERS,
  },
  'POST /api/rules/:key/versions': { in: publish, allow: ['sysadmin'], ok: 201 },
  'GET /api/tolerance-filings/lists': {
    in: () => json('GET', '/api/tolerance-filings/lists'),
    allow: TOLERANCE_READERS,
  },
};
