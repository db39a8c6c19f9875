import { visitCorrectionBody, visitCorrectionPath } from '../../../../contracts/http/admin';
import { visitResponse } from '../../../../contracts/http/visits';
import { tableContext } from '../../../platform/deps';
import { httpHandler } from '../../../platform/http';
import { catalogDeps } from '../../catalog';
import { correctVisitCheckout, visitRepository, visitView } from '../../dropin';
import { salesLedger } from '../../ledger';
import { SettlementRunRepository } from '../../settlement';
import { rows } from '../routes';

export const handler = httpHandler(
  rows.correctVisit,
  { path: visitCorrectionPath, body: visitCorrectionBody, response: { status: 200, body: visitResponse } },
  async ({ path, body, now }) => {
    const { doc, tableName } = tableContext();
    const deps = {
      visits: visitRepository(),
      spaces: catalogDeps().spaces,
      ledger: salesLedger(),
      runs: new SettlementRunRepository(doc, tableName),
    };
    return visitView(await correctVisitCheckout(deps, path.visitId, body.checkedOutAt, now));
  },
);
