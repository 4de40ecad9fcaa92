import { HttpError } from '../../../http/errors.js';
import { cancelScheduledActivation } from '../../../loyalty/programs/activation.js';
import { defineRoute } from '../../route.js';
import { isoTimeSchema, programParams } from '../../schemas/common.js';

/** `DELETE /programs/{programId}/scheduled-activation`: cancel the pending scheduled activation. */
export const cancelScheduledActivationRoute = defineRoute<{ programId: string }>({
  id: 'cancelScheduledActivation',
  method: 'delete',
  path: '/programs/{programId}/scheduled-activation',
  summary: 'Cancel the pending scheduled activation',
  tag: 'programs',
  access: 'program',
  params: programParams,
  audit: 'program.schedule.cancel',
  responses: {
    200: { description: 'Cancelled.', schema: { type: 'object', required: ['cancelled'], properties: { cancelled: { type: 'object', properties: { version: { type: 'string' }, at: isoTimeSchema } } } } },
    404: { description: 'NO_SCHEDULED_ACTIVATION.' },
  },
  handler: async ({ params, deps }) => {
    const cancelled = await cancelScheduledActivation(deps.models, params.programId);
    if (!cancelled) throw new HttpError(404, 'NO_SCHEDULED_ACTIVATION', 'this program has no pending scheduled activation');
    return { status: 200, body: { cancelled }, audit: { target: `${params.programId}/${cancelled.version}`, details: { at: cancelled.at.toISOString() } } };
  },
});
