import { facilitySpacesPath, newSpaceBody, operatorSpaceResponse } from '../../../../../contracts/http/partner-spaces';
import { httpHandler } from '../../../../platform/http';
import { spaceDeps } from '../deps';
import { rows } from '../routes';
import { createSpace } from '../service';
import { operatorSpaceView } from '../views';

export const handler = httpHandler(
  rows.createSpace,
  {
    path: facilitySpacesPath,
    body: newSpaceBody,
    response: { status: 201, body: operatorSpaceResponse, etag: (answer) => answer.version },
  },
  async ({ path, body, identity, now }) => {
    const { space, facility } = await createSpace(spaceDeps(), identity, path.facilityId, body, now);
    return operatorSpaceView(space, facility.timeZone);
  },
);
