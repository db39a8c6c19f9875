import { uuids } from '../../../platform/deps';
import { reservationRepository } from '../../booking';
import { catalogDeps } from '../../catalog';
import type { CalendarPorts } from './service';

/** The calendar flows: the catalog's repositories, the booking module's holds, ids. */
export const calendarDeps = (): CalendarPorts => ({ ...catalogDeps(), holds: reservationRepository(), ids: uuids });
