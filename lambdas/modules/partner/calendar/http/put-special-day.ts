import { specialDayBody, specialDayPath } from '../../../../../contracts/http/calendar';
import { httpHandler } from '../../../../platform/http';
import { rows } from '../routes';
import { CALENDAR_ANSWER, changeOnIfMatch } from './change';

export const handler = httpHandler(
  rows.putSpecialDay,
  { path: specialDayPath, body: specialDayBody, response: CALENDAR_ANSWER },
  (request) => changeOnIfMatch(request, { kind: 'specialDay', date: request.path.date, ...request.body }),
);
