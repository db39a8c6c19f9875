import { DOCUMENT_FONT } from '../../../platform/pdf/font';
import type { Route } from '../../../platform/route';

/** The printable QR poster route (a row of the one route table, lambdas/routes.ts). */
export const rows = {
  getQrPoster: {
    id: 'get-qr-poster',
    module: 'partner/qr-poster',
    // a reservable space has no QR code: 422 INVALID_SPACE_CONFIG, as congestion answers for one (service.ts)
    refusals: ['NOT_FOUND', 'INVALID_SPACE_CONFIG'],
    method: 'GET',
    path: '/v1/operator/spaces/{spaceId}/qr',
    // staff print the poster too: it is a read (api.md: full, staff)
    caller: { role: 'operator', operatorRoles: ['full', 'staff'] },
    tableActions: ['dynamodb:GetItem'],
    // the space, its facility
    maxTableCommands: 2,
    // the poster's font travels beside this function's bundle, and no other's
    bundledFiles: [DOCUMENT_FONT],
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
