import { calendarPath, hoursBody } from '../../../../../contracts/http/calendar';
import { httpHandler } from '../../../../platform/http';
import { rows } from '../routes';
import { CALENDAR_ANSWER, changeOnIfMatch } from './change';

export const handler = httpHandler(
  rows.setSpaceHours,
  { path: calendarPath, body: hoursBody, response: CALENDAR_ANSWER },
  (request) => changeOnIfMatch(request, { kind: 'hours', hours: request.body }),
);
