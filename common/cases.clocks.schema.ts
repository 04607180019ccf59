import { z } from './zod.js';

const ZInt = z.number().int();

/** The case clocks in force (GET /api/cases/rules/clocks): period, what starts it, and its source. */
export const ZCaseClockRules = z.object({
  version: ZInt,
  items: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      startsFrom: z.string(),
      amount: ZInt,
      unit: z.enum(['months', 'days', 'working_days']),
      period: z.string(),
      source: z.string(),
    }),
  ),
});
