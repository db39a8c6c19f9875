import { companyPatchBody, companyPath, companyResponse } from '../../../../contracts/http/admin';
import { expectedVersion, httpHandler } from '../../../platform/http';
import { adminDeps } from '../deps';
import { rows } from '../routes';
import { editCompany } from '../service';
import { companyView } from '../views';

export const handler = httpHandler(
  rows.editCompany,
  {
    path: companyPath,
    body: companyPatchBody,
    response: { status: 200, body: companyResponse, etag: (answer) => answer.version },
  },
  async ({ path, body, headers }) =>
    companyView(await editCompany(adminDeps(), path.companyId, body, expectedVersion(headers))),
);
