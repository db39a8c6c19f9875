import { operatorSpacePath, operatorSpaceResponse, spacePatchBody } from '../../../../../contracts/http/partner-spaces';
import { expectedVersion, httpHandler } from '../../../../platform/http';
import { spaceDeps } from '../deps';
import { rows } from '../routes';
import { editSpace } from '../service';
import { operatorSpaceView } from '../views';

export const handler = httpHandler(
  rows.editSpace,
  {
    path: operatorSpacePath,
    body: spacePatchBody,
    response: { status: 200, body: operatorSpaceResponse, etag: (answer) => answer.version },
  },
  async ({ path, body, identity, headers, now }) => {
    const version = expectedVersion(headers);
    const { space, facility } = await editSpace(spaceDeps(), identity, path.spaceId, body, version, now);
    return operatorSpaceView(space, facility.timeZone);
  },
);
