import { describe, expect, it } from 'vitest';
import { auditTypeLabel } from '../../../common/audit-labels.js';
import { AUDIT_TYPES } from './audit.types.js';

describe('audit log in words', () => {
  it('names every audit type in Chinese, none shown as its code', () => {
    const raw = AUDIT_TYPES.filter((t) => auditTypeLabel(t) === t);
    expect(raw).toEqual([]);
    expect(auditTypeLabel('auth.login')).toBe('登录成功');
    expect(auditTypeLabel('problem.event')).toBe('问题 · 流转');
  });
});
