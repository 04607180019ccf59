import { z } from 'zod';

// Every validation message the user sees is Simplified Chinese.
z.config(z.locales.zhCN());

export const ZId = z.uuid({ message: '编号格式不正确' });
export const ZVersion = z.number({ message: '缺少版本号' }).int().min(0);
export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const ZPage = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(2000).default(20),
};
export const ZNonEmpty = (label: string, max = 100) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

export { z };
