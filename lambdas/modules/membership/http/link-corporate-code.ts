import { corporateCodeBody } from '../../../../contracts/http/api';
import { meResponse } from '../../../../contracts/http/responses';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { ApiError, notFound } from '../../../platform/problems';
import { repositories } from '../../../platform/repositories';
import { loadMe } from '../service';

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
