import { companyResponse, newCompanyBody } from '../../../../contracts/http/admin';
import { httpHandler } from '../../../platform/http';
import { adminDeps } from '../deps';
import { rows } from '../routes';
import { createCompany } from '../service';
import { companyView } from '../views';

export const handler = httpHandler(
  rows.createCompany,
  { body: newCompanyBody, response: { status: 201, body: companyResponse, etag: (answer) => answer.version } },
  async ({ body }) => companyView(await createCompany(adminDeps(), body)),
);
