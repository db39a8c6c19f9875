/** A space as its partner's operators see it (api.md `OperatorSpace`). */
import type { OperatorSpaceResponse } from '../../../../contracts/http/partner-spaces';
import { toZonedIso } from '../../../domain/format';
import type { Space } from '../../../domain/model';
import { congestionView } from '../../catalog';

export function operatorSpaceView(space: Space, timeZone: string): OperatorSpaceResponse {
  const zoned = (t: number | null) => (t === null ? null : toZonedIso(t, timeZone));
  return {
    spaceId: space.spaceId,
    facilityId: space.facilityId,
    version: space.version,
    kind: space.type,
    name: space.name,
    status: space.status,
    intro: space.intro ?? null,
    areaSqm: space.areaSqm ?? null,
    amenities: space.amenities ?? [],
    capacity: space.capacity,
    bookingType: space.bookingType,
    bookableFrom: zoned(space.bookableFrom),
    bookableUntil: zoned(space.bookableUntil),
    windowDaysFrom: space.windowDaysFrom,
    windowDaysTo: space.windowDaysTo,
    price15: space.price15,
    priceDay: space.priceDay,
    priceHistory: space.priceHistory ?? [],
    minimumMinutes: space.minBookingMinutes,
    perCheckInLimitMinutes: space.perCheckInLimitMinutes,
    checkInOpensMinutesBefore: space.checkInOpensMinutesBefore,
    extension: space.extension,
    externalLink: space.externalLink ?? false,
    bookingMailMessage: space.bookingMailMessage ?? null,
    guestLimit: space.guestLimit ?? null,
    cancellationFees: space.cancellationFees,
    options: space.options,
    doorIds: space.doorIds,
    ...(space.qrValue ? { qrValue: space.qrValue } : {}),
    ...(space.type === 'openSpace'
      ? { congestion: space.congestion ? congestionView(space.congestion, timeZone) : null }
      : {}),
  };
}
