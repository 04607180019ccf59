/** Issuing offices of a region (发文机关), by code: the documents of each kind come from one of them. */
export const ISSUER_CODES = [
  'party_committee',
  'government',
  'commission',
  'supervision',
  'patrol_office',
  'patrol_leading',
  'joint_meeting',
  'responsibility_office',
] as const;
export type IssuerCode = (typeof ISSUER_CODES)[number];

export const ISSUER_LABELS: Record<IssuerCode, string> = {
  party_committee: '党委',
  government: '政府',
  commission: '纪委',
  supervision: '监委',
  patrol_office: '督导巡查领导小组办公室',
  patrol_leading: '督导巡查领导小组',
  joint_meeting: '模拟问责联席会议办公室',
  responsibility_office: '党风廉政建设责任制领导小组办公室',
};
