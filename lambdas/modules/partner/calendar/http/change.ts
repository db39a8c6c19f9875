/** What the calendar change routes share: the change on the `If-Match` the request sends, and its answer. */
import { calendarResponse } from '../../../../../contracts/http/calendar';
import { expectedVersion, type HttpRequest } from '../../../../platform/http';
import { calendarDeps } from '../deps';
import { type CalendarChange, changeCalendar } from '../service';
import { calendarView } from '../views';

/** The answer of a change: the calendar with its version as ETag. */
export const CALENDAR_ANSWER = {
  status: 200,
  body: calendarResponse,
  etag: (answer: { version: number }) => answer.version,
} as const;

/** Makes `change` on the space the path names, on the calendar version of `If-Match`; the calendar as it now is. */
export async function changeOnIfMatch(
  {
    path,
    identity,
    headers,
    now,
  }: Pick<HttpRequest<unknown, unknown, { spaceId: string }>, 'path' | 'identity' | 'headers' | 'now'>,
  change: CalendarChange,
) {
  const { space, facility } = await changeCalendar(
    calendarDeps(),
    identity,
    path.spaceId,
    change,
    expectedVersion(headers),
    now,
  );
  return calendarView(space, facility);
}
