import { exportBody, exportStartedResponse } from '../../../../../contracts/http/exports';
import { httpHandler } from '../../../../platform/http';
import { exportRequestDeps } from '../deps';
import { rows } from '../routes';
import { requestExport } from '../service';

export const handler = httpHandler(
  rows.requestExport,
  { body: exportBody, response: { status: 202, body: exportStartedResponse } },
  async ({ body, identity, now }) => {
    const job = await requestExport(exportRequestDeps(), identity, body, now);
    return { exportId: job.exportId, status: job.status };
  },
);
