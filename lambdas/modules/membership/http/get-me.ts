import { meResponse } from '../../../../contracts/http/membership';
import { httpHandler } from '../../../platform/http';
import { notFound } from '../../../platform/problems';
import { membershipDeps } from '../deps';
import { rows } from '../routes';
import { loadMe } from '../service';

export const handler = httpHandler(
  rows.getMe,
  { response: { status: 200, body: meResponse } },
  async ({ identity, now }) => {
    if (identity.role !== 'member') throw notFound('Member');
    const me = await loadMe(membershipDeps(), identity.memberId, now);
    if (!me) throw notFound('Member');
    return me;
  },
);
