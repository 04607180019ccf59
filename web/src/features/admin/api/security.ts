import type { ZSecuritySettings } from '../../../../../common/identity.schema';
import type { Response } from '../../../../../common/zod';
import { apiPatch } from '../../../lib/api';
import { useSaveSettings, useSettings } from '../../../lib/settings-queries';

export type SecuritySettings = Response<typeof ZSecuritySettings>;

export const useSecuritySettings = () => useSettings<SecuritySettings>('security', '/settings/security');

export const useSaveSecuritySettings = () =>
  useSaveSettings(
    'security',
    (input: SecuritySettings) => apiPatch<SecuritySettings>('/settings/security', input),
    false,
  );
