import { calendarPath, calendarQuery } from '../../../../../contracts/http/calendar';
import { localDateOf } from '../../../../domain/calendar';
import { httpHandler } from '../../../../platform/http';
import { ownSpace } from '../../spaces';
import { calendarDeps } from '../deps';
import { rows } from '../routes';
import { calendarView } from '../views';
import { CALENDAR_ANSWER } from './change';

export const handler = httpHandler(
  rows.getSpaceCalendar,
  {
    path: calendarPath,
    query: calendarQuery,
    response: CALENDAR_ANSWER,
  },
  async ({ path, query, identity, now }) => {
    const { space, facility } = await ownSpace(calendarDeps(), identity, path.spaceId);
    // Special days and closures from today on, unless the caller names a range (past ones are history).
    const from = query.from ?? (query.to === undefined ? localDateOf(now, facility.timeZone) : undefined);
    return calendarView(space, facility, { ...query, ...(from ? { from } : {}) });
  },
);
