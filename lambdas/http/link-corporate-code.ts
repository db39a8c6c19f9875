import { corporateCodeBody } from '../../schemas/api';
import { meResponse } from '../../schemas/responses';
import { repositories } from '../data/repositories';
import { loadMe } from '../services/me';
import { ApiError, notFound } from '../shared/errors';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';

export const handler = httpHandler(
  'link-corporate-code',
  { body: corporateCodeBody, response: { status: 200, body: meResponse } },
  async ({ body, identity, now }) => {
    const { members } = repositories();
    const memberId = memberIdOf(identity);
    const company = await members.companyOfCode(body.code);
    if (!company) throw notFound('Corporate code');
    if (!(await members.linkCompany(memberId, company))) {
      throw new ApiError('INVALID_STATE', 'Your account is already linked to a company');
    }
    const me = await loadMe(members, memberId, now);
    if (!me) throw notFound('Member');
    return me;
  },
);
