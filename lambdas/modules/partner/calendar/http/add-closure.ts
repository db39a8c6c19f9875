import { calendarPath, closureBody, closureCreatedResponse } from '../../../../../contracts/http/calendar';
import { expectedVersion, httpHandler } from '../../../../platform/http';
import { calendarDeps } from '../deps';
import { rows } from '../routes';
import { changeCalendar } from '../service';
import { calendarView } from '../views';

export const handler = httpHandler(
  rows.addClosure,
  {
    path: calendarPath,
    body: closureBody,
    response: { status: 201, body: closureCreatedResponse, etag: (answer) => answer.version },
  },
  async ({ path, body, identity, headers, now }) => {
    // A POST that creates needs no If-Match (api.md); one that is sent is kept to.
    const version = headers['if-match'] === undefined ? undefined : expectedVersion(headers);
    const change = { kind: 'closure' as const, ...body };
    const made = await changeCalendar(calendarDeps(), identity, path.spaceId, change, version, now);
    return { ...calendarView(made.space, made.facility), closureId: made.closureId as string };
  },
);
