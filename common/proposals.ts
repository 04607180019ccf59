/** 问责建议 intake queue (issue #17) vocabulary shared by server and web. */

/** Where a proposal comes from: each source module hands it over through one cases service function. */
export const PROPOSAL_SOURCES = {
  problem: '问题整改升级（问责建议）',
  warning: '模拟问责升级',
  finding: '督导巡查发现（督+问）',
  circular: '督导巡查通报（督+问）',
  case: '以案促改',
  complaint: '信访举报',
} as const;
export type ProposalSource = keyof typeof PROPOSAL_SOURCES;

/** The web path of a source object, for the evidence chain's links. */
export const PROPOSAL_SOURCE_PATHS: Record<ProposalSource, string> = {
  problem: '/problems',
  warning: '/warnings',
  finding: '/supervision/findings',
  circular: '/supervision/bulletins',
  case: '/cases',
  complaint: '/complaints',
};

/** The offices whose objects may be proposed: each reads the proposals of its own sources and their outcome. */
export const PROPOSAL_SOURCE_PERMISSIONS = [
  'problems:manage',
  'warnings:manage',
  'patrol:manage',
  'cases:manage',
  'complaints:manage',
] as const;

export const PROPOSAL_STATES = {
  pending: '待受理',
  accepted: '已立案',
  declined: '不予立案',
} as const;
export type ProposalState = keyof typeof PROPOSAL_STATES;

export const PROPOSAL_EVENTS = {
  accept: '受理立案',
  decline: '不予立案',
} as const;
export type ProposalEvent = keyof typeof PROPOSAL_EVENTS;

/** One link of a proposal's evidence chain, as the source module saw it when it proposed. */
export interface ProposalEvidence {
  /** problem, problem_event, document, warning, facts, finding, circular, case, file … */
  kind: string;
  label: string;
  detail?: string;
  /** Web path of the object, when it has a page. */
  link?: string;
  id?: string;
  at?: string;
}

/** A proposed 问责对象: a person or a unit of the org module, with the name as of the proposal. */
export interface ProposalSubject {
  subjectType: 'person' | 'unit';
  personId?: string | null;
  unitId?: string | null;
  name: string;
  post?: string;
}

/** Link of the source object: its detail page (circulars have only their list). */
export const proposalSourceLink = (type: ProposalSource, id: string) =>
  type === 'circular' ? PROPOSAL_SOURCE_PATHS.circular : `${PROPOSAL_SOURCE_PATHS[type]}/${id}`;
