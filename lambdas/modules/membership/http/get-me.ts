import { meResponse } from '../../../../contracts/http/responses';
import { httpHandler } from '../../../platform/http';
import { notFound } from '../../../platform/problems';
import { repositories } from '../../../platform/repositories';
import { loadMe } from '../service';

export const handler = httpHandler(
  'get-me',
  { response: { status: 200, body: meResponse } },
  async ({ identity, now }) => {
    if (identity.role !== 'member') throw notFound('Member');
    const me = await loadMe(repositories().members, identity.memberId, now);
    if (!me) throw notFound('Member');
    return me;
  },
);
