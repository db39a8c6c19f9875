import { congestionBody, congestionPath, congestionResponse } from '../../../../../contracts/http/congestion';
import { httpHandler } from '../../../../platform/http';
import { congestionView } from '../../../catalog';
import { congestionDeps } from '../deps';
import { rows } from '../routes';
import { setCongestion } from '../service';

export const handler = httpHandler(
  rows.setCongestion,
  { path: congestionPath, body: congestionBody, response: { status: 200, body: congestionResponse } },
  async ({ path, body, identity, now }) => {
    const { facility, congestion } = await setCongestion(congestionDeps(), identity, path.spaceId, body, now);
    return { spaceId: path.spaceId, ...congestionView(congestion, facility.timeZone) };
  },
);
