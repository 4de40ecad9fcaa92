import { listPrograms } from '../../../loyalty/programs/program-summaries.js';
import { defineRoute } from '../../route.js';
import { programSummarySchema } from '../../schemas/programs.js';

/** `GET /programs`: the programs the key covers. */
export const listProgramsRoute = defineRoute({
  id: 'listPrograms',
  method: 'get',
  path: '/programs',
  summary: 'List the programs this key covers, with their active versions',
  tag: 'programs',
  access: 'any',
  responses: {
    200: { description: 'The programs, in id order.', schema: { type: 'object', required: ['programs'], properties: { programs: { type: 'array', items: programSummarySchema } } } },
  },
  handler: async ({ deps, scope }) => {
    const programs = await listPrograms(deps.models, scope.allPrograms ? null : scope.programIds);
    return { status: 200, body: { programs } };
  },
});
