import type { ZEscalationSettingsUpdate } from '../../../../../common/problems.schema';
import type { Response } from '../../../../../common/zod';
import { apiPatch } from '../../../lib/api';
import { useSaveSettings, useSettings } from '../../../lib/settings-queries';

export type EscalationSettings = Response<typeof ZEscalationSettingsUpdate>;

export const useEscalationSettings = () => useSettings<EscalationSettings>('escalation', '/settings/escalation');

export const useUpdateEscalationSettings = () =>
  useSaveSettings(
    'escalation',
    (input: EscalationSettings) => apiPatch<EscalationSettings>('/settings/escalation', input),
    true,
  );
