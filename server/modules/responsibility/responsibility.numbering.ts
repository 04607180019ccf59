import { documentKind } from '../org/org.directory.js';

/**
 * The dispatch sheet (主体责任清单 / 增派单 …) comes from the 党风廉政建设责任制工作领导小组办公室 (seed 004), numbered
 * when the list is issued (one by one, or a quarter's lists for every county leader at once).
 */
export const DISPATCH_SHEET = documentKind({
  kind: 'dispatch_sheet',
  objectType: 'dispatch',
  issuer: 'responsibility_office',
  suffix: '派',
});
