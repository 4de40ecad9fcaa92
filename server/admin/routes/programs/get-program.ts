import { HttpError } from '../../../http/errors.js';
import { programDetail } from '../../../loyalty/programs/program-summaries.js';
import { listVersions } from '../../../loyalty/programs/rule-set-versions.js';
import { defineRoute } from '../../route.js';
import { programParams } from '../../schemas/common.js';
import { programDetailSchema } from '../../schemas/programs.js';

/** `GET /programs/{programId}`: active version, pending scheduled activation, history, versions. */
export const getProgramRoute = defineRoute<{ programId: string }>({
  id: 'getProgram',
  method: 'get',
  path: '/programs/{programId}',
  summary: 'A program: its active version, a pending scheduled activation, activation history and published versions',
  tag: 'programs',
  access: 'program',
  params: programParams,
  responses: {
    200: { description: 'The program.', schema: programDetailSchema },
    404: { description: 'UNKNOWN_PROGRAM: no program with this id (a version was maybe published but never activated).' },
  },
  handler: async ({ params, deps }) => {
    const detail = await programDetail(deps.models, params.programId);
    if (!detail) throw new HttpError(404, 'UNKNOWN_PROGRAM', 'no program with this id');
    return { status: 200, body: { ...detail, versions: await listVersions(deps.models, params.programId) } };
  },
});
