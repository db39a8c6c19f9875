import { calendarResponse, specialDayBody, specialDayPath } from '../../../../../contracts/http/calendar';
import { expectedVersion, httpHandler } from '../../../../platform/http';
import { calendarDeps } from '../deps';
import { rows } from '../routes';
import { changeCalendar } from '../service';
import { calendarView } from '../views';

export const handler = httpHandler(
  rows.putSpecialDay,
  {
    path: specialDayPath,
    body: specialDayBody,
    response: { status: 200, body: calendarResponse, etag: (answer) => answer.version },
  },
  async ({ path, body, identity, headers, now }) => {
    const change = { kind: 'specialDay' as const, date: path.date, ...body };
    const { space, facility } = await changeCalendar(
      calendarDeps(),
      identity,
      path.spaceId,
      change,
      expectedVersion(headers),
      now,
    );
    return calendarView(space, facility);
  },
);
