/** The congestion a facility shows on the map (domain-rules §6; issue 16): one level for all its open spaces. */
import { CONGESTION_LEVELS, type CongestionLevel } from '../../../../contracts/http/congestion';
import { calendarOf, isWithinBusinessHours } from '../../../domain/calendar';
import type { Facility, Instant, Space } from '../../../domain/model';

/** The worse of two levels (plenty < crowded < full). */
export const worseCongestion = (a: CongestionLevel, b: CongestionLevel): CongestionLevel =>
  CONGESTION_LEVELS.indexOf(a) >= CONGESTION_LEVELS.indexOf(b) ? a : b;

/**
 * What one open space counts for at `now`: `full` when its calendar has it closed, else the level staff last set,
 * `plenty` until they set one.
 */
export function openSpaceCongestion(
  facility: Pick<Facility, 'timeZone'>,
  space: Pick<Space, 'calendar' | 'congestion'>,
  now: Instant,
): CongestionLevel {
  if (!isWithinBusinessHours(calendarOf(facility, space), now, now + 1)) return 'full';
  return space.congestion?.level ?? 'plenty';
}

/**
 * A facility's congestion at `now`: the worst of its active open spaces' ({@link openSpaceCongestion}); undefined
 * when it has no active open space (nothing to show).
 */
export function facilityCongestion(
  facility: Pick<Facility, 'timeZone'>,
  spaces: readonly Space[],
  now: Instant,
): CongestionLevel | undefined {
  return spaces
    .filter((s) => s.status === 'active' && s.type === 'openSpace')
    .map((s) => openSpaceCongestion(facility, s, now))
    .reduce<CongestionLevel | undefined>((worst, level) => (worst ? worseCongestion(worst, level) : level), undefined);
}
