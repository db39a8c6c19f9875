/** Booking requests as a partner's operator sees them (api.md, partner routes). */
import type { OperatorReservationResponse } from '../../../contracts/http/requests';
import type { Reservation } from '../../domain/model';
import { reservationView } from '../booking';

/** A reservation as a partner's operator sees it: the member number, never who the member is. */
export function operatorReservationView(reservation: Reservation): OperatorReservationResponse {
  const { memberId: _hidden, ...view } = reservationView(reservation);
  return { ...view, memberNumber: reservation.memberNumber };
}
