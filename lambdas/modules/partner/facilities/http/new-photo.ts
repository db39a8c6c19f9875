import { newPhotoBody, newPhotoResponse, operatorFacilityPath } from '../../../../../contracts/http/partner-facilities';
import { httpHandler } from '../../../../platform/http';
import { photoDeps } from '../deps';
import { rows } from '../routes';
import { newPhoto } from '../service';

export const handler = httpHandler(
  rows.newPhoto,
  { path: operatorFacilityPath, body: newPhotoBody, response: { status: 201, body: newPhotoResponse } },
  ({ path, body, identity, now }) => newPhoto(photoDeps(), identity, path.facilityId, body, now),
);
