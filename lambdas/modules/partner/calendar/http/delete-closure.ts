import { closurePath } from '../../../../../contracts/http/calendar';
import { emptyBody } from '../../../../../contracts/http/common';
import { expectedVersion, httpHandler } from '../../../../platform/http';
import { calendarDeps } from '../deps';
import { rows } from '../routes';
import { changeCalendar } from '../service';

export const handler = httpHandler(
  rows.deleteClosure,
  { path: closurePath, body: emptyBody, response: { status: 204 } },
  async ({ path, identity, headers, now }) => {
    const change = { kind: 'removeClosure' as const, closureId: path.closureId };
    await changeCalendar(calendarDeps(), identity, path.spaceId, change, expectedVersion(headers), now);
  },
);
