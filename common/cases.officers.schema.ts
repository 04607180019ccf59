import { ZId, z } from './zod.js';

/**
 * The region's case officers and commission leaders, as a person picker shows them: name, office, what they are in
 * a case (调查人员, 联审签署人, 委领导) and why they cannot join an investigation team (null: they can).
 */
export const ZCaseOfficers = z.object({
  items: z.array(
    z.object({
      userId: ZId,
      displayName: z.string(),
      unitName: z.string().nullable(),
      roleLabel: z.string(),
      teamRefusal: z.string().nullable(),
    }),
  ),
});
