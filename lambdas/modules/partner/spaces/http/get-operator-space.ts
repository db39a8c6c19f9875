import { operatorSpacePath, operatorSpaceResponse } from '../../../../../contracts/http/partner-spaces';
import { httpHandler } from '../../../../platform/http';
import { spaceDeps } from '../deps';
import { rows } from '../routes';
import { ownSpace } from '../service';
import { operatorSpaceView } from '../views';

export const handler = httpHandler(
  rows.getOperatorSpace,
  { path: operatorSpacePath, response: { status: 200, body: operatorSpaceResponse, etag: (answer) => answer.version } },
  async ({ path, identity }) => {
    const { space, facility } = await ownSpace(spaceDeps(), identity, path.spaceId);
    return operatorSpaceView(space, facility.timeZone);
  },
);
