import { exportPath, exportResponse } from '../../../../../contracts/http/exports';
import { httpHandler } from '../../../../platform/http';
import { exportStatusDeps } from '../deps';
import { rows } from '../routes';
import { exportState } from '../service';
import { exportView } from '../views';

export const handler = httpHandler(
  rows.getExport,
  { path: exportPath, response: { status: 200, body: exportResponse } },
  async ({ path, identity, now }) => exportView(await exportState(exportStatusDeps(), identity, path.exportId, now)),
);
