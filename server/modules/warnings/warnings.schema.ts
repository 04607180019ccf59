import {
  ACCOUNTABILITY_FORMS,
  DUTY_KINDS,
  RESPONSIBILITY_KINDS,
  RESPONSIBLE_WHO,
  WARNING_STATES,
} from '../../../common/warnings.js';
import { ZDate, ZId, ZNonEmpty, ZPage, ZVersion, z } from '../../../common/zod.js';

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

const situationFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,40}$/, '编码只能包含字母、数字、下划线和短横线'),
  name: ZNonEmpty('情形名称', 100),
  description: z.string().trim().max(1000),
  article: z.number().int().min(1, '第七条情形为第1至11项').max(11, '第七条情形为第1至11项'),
  responsibleRoles: z
    .array(
      z.object({
        who: z.enum(keys(RESPONSIBLE_WHO), { message: '责任人类型不正确' }),
        responsibility: z.enum(RESPONSIBILITY_KINDS, { message: '责任类型应为主要领导责任、重要领导责任或直接责任' }),
        duty: z.enum(DUTY_KINDS, { message: '职责类型应为决策责任、执行责任或监管责任' }),
      }),
    )
    .min(1, '至少指定一类可能被问责的人员')
    .max(6),
  forms: z
    .array(z.enum(ACCOUNTABILITY_FORMS, { message: '问责方式应为第八条规定的方式' }))
    .min(1)
    .max(6),
  rectifyDays: z.number().int().min(1).max(180),
  rectifyDayType: z.enum(['working', 'calendar']),
  /** Validated by parseRule (unknown fields are refused with the list of fields). */
  rule: z.unknown(),
  active: z.boolean(),
};
export const ZCreateSituation = z.object({
  ...situationFields,
  description: situationFields.description.default(''),
  rectifyDayType: situationFields.rectifyDayType.default('working'),
  active: situationFields.active.default(false),
});
export type TCreateSituation = z.infer<typeof ZCreateSituation>;
export const ZUpdateSituation = z.object(situationFields).partial().extend({ version: ZVersion });
export type TUpdateSituation = z.infer<typeof ZUpdateSituation>;

export const ZListWarnings = z.object({
  ...ZPage,
  situationId: ZId.optional(),
  unitId: ZId.optional(),
  problemId: ZId.optional(),
  state: z.enum(keys(WARNING_STATES)).optional(),
  /** Warning code, problem code or words of the problem's title. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['-firstSeenAt', 'firstSeenAt', 'deadline', '-deadline']).optional(),
});

export const ZWarningEvent = z.object({
  type: z.enum(['issue', 'dismiss', 'answer', 'resolve', 'escalate'], { message: '不支持的操作' }),
  version: ZVersion,
  comment: z.string().trim().max(2000).default(''),
  /** escalate: into a dispatched problem, or an accountability proposal (问责建议). */
  target: z.enum(['problem', 'proposal']).optional(),
});
export type TWarningEvent = z.infer<typeof ZWarningEvent>;

export const ZWhatIf = z.object({ problemId: ZId, date: ZDate });
export const ZIdParam = z.object({ id: ZId });
