import { companyPath, companyResponse } from '../../../../contracts/http/admin';
import { httpHandler } from '../../../platform/http';
import { adminDeps } from '../deps';
import { rows } from '../routes';
import { readCompany } from '../service';
import { companyView } from '../views';

export const handler = httpHandler(
  rows.getCompany,
  { path: companyPath, response: { status: 200, body: companyResponse, etag: (answer) => answer.version } },
  async ({ path }) => companyView(await readCompany(adminDeps(), path.companyId)),
);
