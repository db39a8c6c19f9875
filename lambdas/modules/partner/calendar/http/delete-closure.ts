import { closurePath } from '../../../../../contracts/http/calendar';
import { emptyBody } from '../../../../../contracts/http/common';
import { httpHandler } from '../../../../platform/http';
import { rows } from '../routes';
import { changeOnIfMatch } from './change';

export const handler = httpHandler(
  rows.deleteClosure,
  { path: closurePath, body: emptyBody, response: { status: 204 } },
  async (request) => {
    await changeOnIfMatch(request, { kind: 'removeClosure', closureId: request.path.closureId });
  },
);
