import { emptyBody } from '../../../../../contracts/http/common';
import { photoPath } from '../../../../../contracts/http/partner-facilities';
import { httpHandler } from '../../../../platform/http';
import { photoDeps } from '../deps';
import { rows } from '../routes';
import { deletePhoto } from '../service';

export const handler = httpHandler(
  rows.deletePhoto,
  { path: photoPath, body: emptyBody, response: { status: 204 } },
  ({ path, identity }) => deletePhoto(photoDeps(), identity, path.photoId),
);
