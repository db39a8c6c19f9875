import { calendarPath, calendarResponse, hoursBody } from '../../../../../contracts/http/calendar';
import { expectedVersion, httpHandler } from '../../../../platform/http';
import { calendarDeps } from '../deps';
import { rows } from '../routes';
import { changeCalendar } from '../service';
import { calendarView } from '../views';

export const handler = httpHandler(
  rows.setSpaceHours,
  {
    path: calendarPath,
    body: hoursBody,
    response: { status: 200, body: calendarResponse, etag: (answer) => answer.version },
  },
  async ({ path, body, identity, headers, now }) => {
    const change = { kind: 'hours' as const, hours: body };
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
