/** Booking requests as a partner's operator sees them (api.md, partner routes). */
import type { OperatorReservationResponse } from '../../../contracts/http/requests';
import type { Reservation } from '../../domain/model';
import { reservationView } from '../booking';

/**
 * A reservation as a partner's operator sees it: the company name (corporate members) and the member number,
 * never the member id or name.
 */
export function operatorReservationView(reservation: Reservation): OperatorReservationResponse {
  const { memberId: _hidden, ...view } = reservationView(reservation);
  return { ...view, memberNumber: reservation.memberNumber };
}
