import { meResponse } from '../../schemas/responses';
import { repositories } from '../data/repositories';
import { loadMe } from '../services/me';
import { notFound } from '../shared/errors';
import { httpHandler } from '../shared/http';

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
