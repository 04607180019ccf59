/** Access-matrix cases for 考责 (see server/test/access-matrix.test.ts). */
import { type AccessCases, ALL, type User, USERS, env, json, upload } from '../access.js';

/** Readers of results: a county leader reads units in charge and, in a leader system, their own row (issue #15). */
const READERS: User[] = ['leader', 'office', 'paizhu1', 'zhujian', 'zhujian.head', 'fuxianzhang', 'zuzhibu'];
const MANAGERS: User[] = ['leader', 'office'];
/** Readers of the whole region: the 考核结果通报 lists every unit's score, so a unit or a group reader gets 403. */
const WHOLE_REGION: User[] = ['leader', 'office', 'zuzhibu'];
const office = () => env.clients.get('office') as NonNullable<ReturnType<typeof env.clients.get>>;
const leader = () => env.clients.get('leader') as NonNullable<ReturnType<typeof env.clients.get>>;
const yearOf = (user: User) => 2050 + USERS.indexOf(user);

/** A system of the demo region with one qualitative indicator, made by the office. */
async function system(user: User, year = yearOf(user)) {
  const s = (await office().post('/api/indicator-systems', { name: `矩阵体系${user}${year}`, year })).json();
  await office().post(`/api/indicator-systems/${s.id}/indicators`, {
    version: s.version,
    name: '评价',
    weight: 100,
    method: 'qualitative',
    evaluators: ['委领导'],
  });
  return (await office().get(`/api/indicator-systems/${s.id}`)).json() as {
    id: string;
    version: number;
    indicators: { id: string }[];
  };
}

/** An assessment of that system, computed, frozen and published (what every reader may open). */
async function published(user: User) {
  const s = await system(user);
  const y = yearOf(user);
  const a = (
    await office().post('/api/assessments', {
      systemId: s.id,
      name: `矩阵考核${user}`,
      periodFrom: `${y}-01-01`,
      periodTo: `${y}-12-31`,
    })
  ).json();
  let cur = (await office().post(`/api/assessments/${a.id}/events`, { type: 'compute', version: a.version })).json();
  cur = (await office().post(`/api/assessments/${a.id}/events`, { type: 'freeze', version: cur.version })).json();
  cur = (await leader().post(`/api/assessments/${a.id}/events`, { type: 'publish', version: cur.version })).json();
  return { s, a: cur };
}

/** Reads share one published assessment per user: computing a county's run for every read route made the matrix slow. */
const publishedFor = new Map<User, ReturnType<typeof published>>();
function publishedOnce(user: User) {
  if (!publishedFor.has(user)) publishedFor.set(user, published(user));
  return publishedFor.get(user) as ReturnType<typeof published>;
}

/** One leader system (the shipped template) computed, frozen and published, shared by the matrix's users. */
let leaderRun: Promise<{ id: string; personId: string }> | undefined;
function leaderPublished() {
  leaderRun ??= (async () => {
    const s = (
      await office().post('/api/indicator-systems', {
        name: '矩阵领导干部体系',
        year: 2049,
        templateKey: 'leader_duty',
      })
    ).json();
    const a = (
      await office().post('/api/assessments', {
        systemId: s.id,
        name: '矩阵领导干部考核',
        periodFrom: '2049-01-01',
        periodTo: '2049-12-31',
      })
    ).json();
    let cur = (await office().post(`/api/assessments/${a.id}/events`, { type: 'compute', version: a.version })).json();
    cur = (await office().post(`/api/assessments/${a.id}/events`, { type: 'freeze', version: cur.version })).json();
    await leader().post(`/api/assessments/${a.id}/events`, { type: 'publish', version: cur.version });
    const me = (
      await (env.clients.get('fuxianzhang') as NonNullable<ReturnType<typeof env.clients.get>>).get('/api/me')
    ).json();
    return { id: a.id as string, personId: me.user.personId as string };
  })();
  return leaderRun;
}

async function survey(user: User, f: { unitId: string }) {
  return (
    await office().post('/api/surveys', {
      unitId: f.unitId,
      year: yearOf(user),
      title: '矩阵测评',
      questions: ['总体评价'],
    })
  ).json() as { id: string; version: number };
}

export const assessmentAccessCases: AccessCases = {
  'GET /api/assessment-settings': { in: () => json('GET', '/api/assessment-settings'), allow: MANAGERS },
  'PUT /api/assessment-settings': {
    in: async () => json('PUT', '/api/assessment-settings', (await office().get('/api/assessment-settings')).json()),
    allow: MANAGERS,
  },
  'GET /api/indicator-systems/templates': { in: () => json('GET', '/api/indicator-systems/templates'), allow: READERS },
  'GET /api/indicator-systems': { in: () => json('GET', '/api/indicator-systems'), allow: READERS },
  'GET /api/indicator-systems/export.xlsx': {
    in: () => json('GET', '/api/indicator-systems/export.xlsx?year=2026'),
    allow: READERS,
  },
  'POST /api/indicator-systems': {
    in: (_f, user) => json('POST', '/api/indicator-systems', { name: `新体系${user}`, year: yearOf(user) - 20 }),
    allow: MANAGERS,
    ok: 201,
  },
  'GET /api/indicator-systems/:id': {
    in: async (_f, user) => json('GET', `/api/indicator-systems/${(await system(user)).id}`),
    allow: READERS,
  },
  'POST /api/indicator-systems/:id/copy': {
    in: async (_f, user) =>
      json('POST', `/api/indicator-systems/${(await system(user)).id}/copy`, { year: yearOf(user) + 40 }),
    allow: MANAGERS,
    ok: 201,
  },
  'POST /api/indicator-systems/:id/indicators': {
    in: async (_f, user) => {
      const s = await system(user);
      return json('POST', `/api/indicator-systems/${s.id}/indicators`, {
        version: s.version,
        name: '加项',
        weight: 0,
        method: 'qualitative',
      });
    },
    allow: MANAGERS,
    ok: 201,
  },
  'PATCH /api/indicator-systems/:id/indicators/:indicatorId': {
    in: async (_f, user) => {
      const s = await system(user);
      return json('PATCH', `/api/indicator-systems/${s.id}/indicators/${s.indicators[0].id}`, {
        version: s.version,
        name: '改名',
      });
    },
    allow: MANAGERS,
  },
  'DELETE /api/indicator-systems/:id/indicators/:indicatorId': {
    in: async (_f, user) => {
      const s = await system(user);
      return json('DELETE', `/api/indicator-systems/${s.id}/indicators/${s.indicators[0].id}?version=${s.version}`);
    },
    allow: MANAGERS,
  },
  'GET /api/assessments': { in: () => json('GET', '/api/assessments'), allow: READERS },
  'GET /api/assessments/export.xlsx': {
    in: () => json('GET', '/api/assessments/export.xlsx?state=published'),
    allow: READERS,
  },
  'POST /api/assessments': {
    in: async (_f, user) => {
      const s = await system(user);
      return json('POST', '/api/assessments', {
        systemId: s.id,
        name: '新考核',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
      });
    },
    allow: MANAGERS,
    ok: 201,
  },
  'GET /api/assessments/:id': {
    in: async (_f, user) => json('GET', `/api/assessments/${(await publishedOnce(user)).a.id}`),
    allow: READERS,
  },
  'POST /api/assessments/:id/events': {
    in: async (_f, user) => {
      const { a } = await published(user);
      return json('POST', `/api/assessments/${a.id}/events`, { type: 'revise', version: a.version });
    },
    allow: MANAGERS,
    ok: 200,
  },
  'POST /api/assessments/:id/ratings': {
    in: async (f, user) => {
      const s = await system(user);
      const y = yearOf(user);
      const a = (
        await office().post('/api/assessments', {
          systemId: s.id,
          name: '评分',
          periodFrom: `${y}-01-01`,
          periodTo: `${y}-12-31`,
        })
      ).json();
      return json('POST', `/api/assessments/${a.id}/ratings`, {
        indicatorId: s.indicators[0].id,
        unitId: f.unitId,
        evaluator: '委领导',
        score: 90,
      });
    },
    allow: MANAGERS,
  },
  'GET /api/assessments/:id/ratings': {
    in: async (_f, user) => {
      const y = yearOf(user) + 20;
      const s = await system(user, y);
      const a = (
        await office().post('/api/assessments', {
          systemId: s.id,
          name: '评分表',
          periodFrom: `${y}-01-01`,
          periodTo: `${y}-12-31`,
        })
      ).json();
      return json('GET', `/api/assessments/${a.id}/ratings?indicatorId=${s.indicators[0].id}&evaluator=委领导`);
    },
    allow: MANAGERS,
  },
  'GET /api/assessments/:id/scores': {
    in: async (_f, user) => json('GET', `/api/assessments/${(await publishedOnce(user)).a.id}/scores`),
    allow: READERS,
  },
  'GET /api/assessments/:id/scores/:unitId': {
    in: async (f, user) => json('GET', `/api/assessments/${(await publishedOnce(user)).a.id}/scores/${f.unitId}`),
    allow: READERS,
  },
  // A leader system's row of one leader (fuxianzhang's): the region-wide readers and the leader himself; another
  // leader (zhujian.head, assessed as ZJJ's principal) or anyone else assessed or not gets 404.
  'GET /api/assessments/:id/people/:personId': {
    in: async () => {
      const r = await leaderPublished();
      return json('GET', `/api/assessments/${r.id}/people/${r.personId}`);
    },
    allow: [...WHOLE_REGION, 'fuxianzhang'],
    hidden: ['paizhu1', 'zhujian', 'zhujian.head'],
  },
  'GET /api/assessments/:id/export.xlsx': {
    in: async (_f, user) => json('GET', `/api/assessments/${(await publishedOnce(user)).a.id}/export.xlsx`),
    allow: READERS,
  },
  'GET /api/assessments/:id/documents/report.docx': {
    in: async (_f, user) => json('GET', `/api/assessments/${(await publishedOnce(user)).a.id}/documents/report.docx`),
    allow: WHOLE_REGION,
  },
  'GET /api/surveys': { in: () => json('GET', '/api/surveys'), allow: MANAGERS },
  'GET /api/surveys/export.xlsx': { in: () => json('GET', '/api/surveys/export.xlsx?state=open'), allow: MANAGERS },
  'POST /api/surveys': {
    in: (f, user) =>
      json('POST', '/api/surveys', { unitId: f.unitId, year: yearOf(user), title: '测评', questions: ['总体评价'] }),
    allow: MANAGERS,
    ok: 201,
  },
  'POST /api/surveys/:id/issue': {
    in: async (f, user) => {
      const s = await survey(user, f);
      return json('POST', `/api/surveys/${s.id}/issue`, { version: s.version });
    },
    allow: MANAGERS,
  },
  'POST /api/surveys/:id/close': {
    in: async (f, user) => {
      const s = await survey(user, f);
      return json('POST', `/api/surveys/${s.id}/close`, { version: s.version });
    },
    allow: MANAGERS,
  },
  'GET /api/surveys/:id/results': {
    in: async (f, user) => json('GET', `/api/surveys/${(await survey(user, f)).id}/results`),
    allow: MANAGERS,
  },
  'GET /api/ballots/:token': {
    in: async (f, user) => {
      const s = await survey(user, f);
      const issued = (await office().post(`/api/surveys/${s.id}/issue`, { version: s.version })).json();
      return json('GET', `/api/ballots/${issued.tokens[0]}`);
    },
    allow: ALL,
  },
  'POST /api/ballots/:token': {
    in: async (f, user) => {
      const s = await survey(user, f);
      const issued = (await office().post(`/api/surveys/${s.id}/issue`, { version: s.version })).json();
      return json('POST', `/api/ballots/${issued.tokens[0]}`, { answers: [0] });
    },
    allow: ALL,
  },
};

/** A 述责述廉 meeting with the user's unit reporting (optionally held, with a question asked by hand). */
async function evaluation(f: { unitId: string }, held = false) {
  let e = (
    await office().post('/api/evaluations', {
      kind: 'integrity',
      title: '矩阵述责述廉',
      year: 2026,
      scheduledAt: new Date().toISOString(),
      reporters: [{ unitId: f.unitId }],
      attendees: ['委领导'],
    })
  ).json();
  if (held) {
    e = (await office().post(`/api/evaluations/${e.id}/events`, { type: 'hold', version: e.version })).json();
    e = (
      await office().post(`/api/evaluations/${e.id}/events`, {
        type: 'ask',
        version: e.version,
        reporterId: e.reporters[0].id,
        question: '矩阵质询',
      })
    ).json();
  }
  return e as { id: string; version: number; reporters: { id: string; questions: { id: string }[] }[] };
}

const UNIT_SELF: User[] = ['zhujian', 'zhujian.head'];

export const evaluationAccessCases: AccessCases = {
  'GET /api/evaluations': { in: () => json('GET', '/api/evaluations'), allow: READERS },
  'GET /api/evaluations/export.xlsx': { in: () => json('GET', '/api/evaluations/export.xlsx'), allow: READERS },
  'POST /api/evaluations': {
    in: (f) =>
      json('POST', '/api/evaluations', {
        kind: 'duty',
        title: '矩阵述职评议',
        year: 2026,
        scheduledAt: new Date().toISOString(),
        reporters: [{ unitId: f.unitId }],
        attendees: ['委领导'],
      }),
    allow: MANAGERS,
    ok: 201,
    links: [
      {
        name: 'another region’s unit reporting',
        req: (o) =>
          json('POST', '/api/evaluations', {
            kind: 'duty',
            title: '越权述职',
            year: 2026,
            scheduledAt: new Date().toISOString(),
            reporters: [{ unitId: o.unitId }],
            attendees: ['委领导'],
          }),
        status: 422,
      },
    ],
  },
  'GET /api/evaluations/:id': {
    in: async (f) => json('GET', `/api/evaluations/${(await evaluation(f)).id}`),
    allow: READERS,
  },
  'POST /api/evaluations/:id/events': {
    in: async (f) => {
      const e = await evaluation(f);
      return json('POST', `/api/evaluations/${e.id}/events`, { type: 'hold', version: e.version });
    },
    allow: MANAGERS,
  },
  'PUT /api/evaluations/:id/questions/:questionId': {
    in: async (f) => {
      const e = await evaluation(f, true);
      const q = e.reporters[0].questions.at(-1) as { id: string };
      return json('PUT', `/api/evaluations/${e.id}/questions/${q.id}`, { answer: '已整改' });
    },
    allow: MANAGERS,
  },
  'POST /api/evaluations/:id/questions/:questionId/problem': {
    in: async (f) => {
      const e = await evaluation(f, true);
      const q = e.reporters[0].questions.at(-1) as { id: string };
      return json('POST', `/api/evaluations/${e.id}/questions/${q.id}/problem`, { deadline: '2099-12-31' });
    },
    allow: MANAGERS,
  },
  'POST /api/evaluations/:id/scores': {
    in: async (f) => {
      const e = await evaluation(f, true);
      return json('POST', `/api/evaluations/${e.id}/scores`, {
        attendee: '委领导',
        scores: [{ reporterId: e.reporters[0].id, score: 90 }],
      });
    },
    allow: MANAGERS,
  },
  'POST /api/evaluations/:id/reporters/:reporterId/report': {
    in: async (f) => {
      const e = await evaluation(f);
      return upload(`/api/evaluations/${e.id}/reporters/${e.reporters[0].id}/report`, '述职报告.png');
    },
    allow: [...MANAGERS, ...UNIT_SELF],
    ok: 201,
  },
  'GET /api/evaluations/:id/reporters/:reporterId/report': {
    in: async (f) => {
      const e = await evaluation(f);
      await office().request(
        await upload(`/api/evaluations/${e.id}/reporters/${e.reporters[0].id}/report`, '述职报告.png'),
      );
      return json('GET', `/api/evaluations/${e.id}/reporters/${e.reporters[0].id}/report`);
    },
    allow: READERS,
  },
  'GET /api/evaluations/:id/documents/minutes.docx': {
    in: async (f) => json('GET', `/api/evaluations/${(await evaluation(f)).id}/documents/minutes.docx`),
    allow: READERS,
  },
};

/** A 督导评估 of the user's unit, scored and published (what its readers may open). */
async function publishedReview(user: User, f: { unitId: string }) {
  const s = await system(user, yearOf(user) + 25);
  let r = (
    await office().post('/api/supervision-reviews', {
      unitId: f.unitId,
      systemId: s.id,
      title: '矩阵督导评估',
      year: 2026,
      visitedOn: '2026-11-30',
    })
  ).json();
  r = (
    await office().post(`/api/supervision-reviews/${r.id}/events`, {
      type: 'score',
      version: r.version,
      scores: [{ indicatorId: s.indicators[0].id, score: 90 }],
    })
  ).json();
  r = (
    await office().post(`/api/supervision-reviews/${r.id}/events`, {
      type: 'publish',
      version: r.version,
      conclusion: '良好',
    })
  ).json();
  return r as { id: string; version: number };
}

export const reviewAccessCases: AccessCases = {
  'GET /api/supervision-reviews': { in: () => json('GET', '/api/supervision-reviews'), allow: READERS },
  'GET /api/supervision-reviews/export.xlsx': {
    in: () => json('GET', '/api/supervision-reviews/export.xlsx'),
    allow: READERS,
  },
  'POST /api/supervision-reviews': {
    in: async (f, user) =>
      json('POST', '/api/supervision-reviews', {
        unitId: f.unitId,
        systemId: (await system(user, yearOf(user) + 30)).id,
        title: '矩阵新建评估',
        year: 2026,
        visitedOn: '2026-11-30',
      }),
    allow: MANAGERS,
    ok: 201,
    links: [
      {
        name: 'another region’s unit evaluated',
        req: async (o, _f, user) =>
          json('POST', '/api/supervision-reviews', {
            unitId: o.unitId,
            systemId: (await system(user, yearOf(user) + 35)).id,
            title: '越权评估',
            year: 2026,
            visitedOn: '2026-11-30',
          }),
        status: 422,
      },
    ],
  },
  'GET /api/supervision-reviews/:id': {
    in: async (f, user) => json('GET', `/api/supervision-reviews/${(await publishedReview(user, f)).id}`),
    allow: READERS,
  },
  'POST /api/supervision-reviews/:id/events': {
    in: async (f, user) => {
      const r = await publishedReview(user, f);
      return json('POST', `/api/supervision-reviews/${r.id}/events`, {
        type: 'rectify',
        version: r.version,
        items: [{ content: '矩阵整改', deadline: '2099-12-31' }],
      });
    },
    allow: MANAGERS,
  },
  'GET /api/supervision-reviews/:id/documents/report.docx': {
    in: async (f, user) =>
      json('GET', `/api/supervision-reviews/${(await publishedReview(user, f)).id}/documents/report.docx`),
    allow: READERS,
  },
};
