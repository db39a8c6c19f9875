import { agreedExtensionBody } from '../../../../contracts/http/admin';
import { reservationResponse } from '../../../../contracts/http/booking';
import { reservationPath } from '../../../../contracts/http/common';
import { doorPublisher } from '../../../platform/deps';
import { httpHandler } from '../../../platform/http';
import { bookingReads, recordAgreedExtension, reservationView } from '../../booking';
import { rows } from '../routes';

export const handler = httpHandler(
  rows.recordAgreedExtension,
  { path: reservationPath, body: agreedExtensionBody, response: { status: 200, body: reservationResponse } },
  async ({ path, body, now }) => {
    const deps = { ...bookingReads(), doors: doorPublisher() };
    return reservationView(await recordAgreedExtension(deps, path.id, body.end, now));
  },
);
