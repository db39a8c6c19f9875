import { specialDayPath } from '../../../../../contracts/http/calendar';
import { emptyBody } from '../../../../../contracts/http/common';
import { httpHandler } from '../../../../platform/http';
import { rows } from '../routes';
import { changeOnIfMatch } from './change';

export const handler = httpHandler(
  rows.deleteSpecialDay,
  { path: specialDayPath, body: emptyBody, response: { status: 204 } },
  async (request) => {
    await changeOnIfMatch(request, { kind: 'removeSpecialDay', date: request.path.date });
  },
);
