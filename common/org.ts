/** Organisation enums shared by server and web. */
export const UNIT_TYPE_LABELS = {
  party_committee: '党委/党组',
  department: '部门',
  township: '乡镇/街道',
  soe: '县属国企',
  dispatched: '派驻机构',
} as const;
export type UnitType = keyof typeof UNIT_TYPE_LABELS;
export const UNIT_TYPES = [
  'party_committee',
  'department',
  'township',
  'soe',
  'dispatched',
] as const satisfies UnitType[];

export const GROUP_KIND_LABELS = {
  patrol: '督导巡查组',
  dispatched: '派驻纪检监察组',
  joint_meeting: '联席会议',
} as const;
export type GroupKind = keyof typeof GROUP_KIND_LABELS;
export const GROUP_KINDS = ['patrol', 'dispatched', 'joint_meeting'] as const satisfies GroupKind[];
