import { currentUsageQuery, currentUsageResponse } from '../../../../../contracts/http/visits';
import { httpHandler } from '../../../../platform/http';
import { presentVisitView } from '../../../dropin';
import { usageDeps } from '../deps';
import { rows } from '../routes';
import { currentUsage } from '../service';

export const handler = httpHandler(
  rows.getCurrentUsage,
  { query: currentUsageQuery, response: { status: 200, body: currentUsageResponse } },
  async ({ query, identity }) => ({
    items: (await currentUsage(usageDeps(), identity, query.facilityId)).map(presentVisitView),
  }),
);
