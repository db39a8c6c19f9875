/**
 * The only place where table keys are built. Instants in keys are ISO 8601 UTC strings, so that they sort.
 */
import type { Instant, LocalDate } from '../../domain/model';

/** ISO 8601 UTC with milliseconds, e.g. `2026-11-24T05:00:00.000Z`; sorts as it reads. */
export const isoUtc = (t: Instant): string => new Date(t).toISOString();

const META = '#META';
const requestsPartition = (partnerId: string) => `REQUESTS#${partnerId}`;
const PROFILE = '#PROFILE';

export const keys = {
  facility: (facilityId: string) => ({ PK: `FACILITY#${facilityId}`, SK: META }),
  facilityIndex: (facilityId: string, prefecture: string) => ({
    GSI1PK: 'FACILITIES',
    GSI1SK: `${prefecture}#${facilityId}`,
  }),
  facilitiesPartition: () => ({ GSI1PK: 'FACILITIES' }),
  facilitiesInPrefecture: (prefecture: string) => `${prefecture}#`,

  space: (spaceId: string) => ({ PK: `SPACE#${spaceId}`, SK: META }),
  spaceIndex: (facilityId: string, spaceId: string) => ({
    GSI1PK: `FACILITY#${facilityId}`,
    GSI1SK: `SPACE#${spaceId}`,
  }),
  spacesOfFacility: (facilityId: string) => ({ GSI1PK: `FACILITY#${facilityId}`, GSI1SKPrefix: 'SPACE#' }),
  spaceCatalogue: (facilityId: string, spaceId: string) => ({ GSI2PK: 'SPACES', GSI2SK: `${facilityId}#${spaceId}` }),
  allSpaces: () => ({ GSI2PK: 'SPACES' }),

  slot: (spaceId: string, slotStart: Instant) => ({ PK: `SPACE#${spaceId}`, SK: `SLOT#${isoUtc(slotStart)}` }),
  slotRange: (spaceId: string, from: Instant, toExclusive: Instant) => ({
    PK: `SPACE#${spaceId}`,
    from: `SLOT#${isoUtc(from)}`,
    // The last slot start strictly before `toExclusive`: ISO strings of whole minutes compare as instants.
    to: `SLOT#${isoUtc(toExclusive - 1)}`,
  }),
  slotStartOf: (sk: string): Instant => Date.parse(sk.slice('SLOT#'.length)),

  reservation: (reservationId: string) => ({ PK: `RES#${reservationId}`, SK: META }),
  reservationByMember: (memberId: string, start: Instant, reservationId: string) => ({
    GSI1PK: `MEMBER#${memberId}#RES`,
    GSI1SK: `${isoUtc(start)}#${reservationId}`,
  }),
  reservationsOfMember: (memberId: string) => ({ GSI1PK: `MEMBER#${memberId}#RES` }),
  bookingRequest: (partnerId: string, facilityId: string, createdAt: Instant) => ({
    GSI2PK: requestsPartition(partnerId),
    GSI2SK: `${facilityId}#${isoUtc(createdAt)}`,
  }),
  bookingRequestsOf: (partnerId: string) => requestsPartition(partnerId),

  /** Sparse index of stays checked in, by deadline: the sweeper finds stays a timer missed. */
  checkedInStay: (end: Instant, reservationId: string) => ({
    GSI2PK: 'STAYS#CHECKEDIN',
    GSI2SK: `${isoUtc(end)}#${reservationId}`,
  }),
  checkedInStaysBefore: (t: Instant) => ({ GSI2PK: 'STAYS#CHECKEDIN', before: isoUtc(t) }),

  member: (memberId: string) => ({ PK: `MEMBER#${memberId}`, SK: PROFILE }),
  memberHold: (memberId: string, end: Instant, reservationId: string) => ({
    PK: `MEMBER#${memberId}`,
    SK: `HOLD#${isoUtc(end)}#${reservationId}`,
  }),
  memberHoldsEndingAfter: (memberId: string, t: Instant) => ({
    PK: `MEMBER#${memberId}`,
    from: `HOLD#${isoUtc(t)}~`,
    to: 'HOLD#~',
  }),
  memberUses: (memberId: string, periodStart: LocalDate) => ({ PK: `MEMBER#${memberId}`, SK: `USES#${periodStart}` }),
  memberDailyUses: (memberId: string, facilityId: string, date: LocalDate) => ({
    PK: `MEMBER#${memberId}`,
    SK: `DAILY#${facilityId}#${date}`,
  }),

  company: (companyId: string) => ({ PK: `COMPANY#${companyId}`, SK: META }),
  companyUses: (companyId: string, month: string) => ({ PK: `COMPANY#${companyId}`, SK: `USES#${month}` }),
  corporateCode: (code: string) => ({ PK: `CORPCODE#${code}`, SK: META }),

  operator: (operatorId: string) => ({ PK: `OPERATOR#${operatorId}`, SK: PROFILE }),
  partner: (partnerId: string) => ({ PK: `PARTNER#${partnerId}`, SK: META }),

  unlockCommand: (commandId: string) => ({ PK: `CMD#${commandId}`, SK: META }),
  unlockCommandOfReservation: (reservationId: string, issuedAt: Instant) => ({
    GSI1PK: `RES#${reservationId}#CMD`,
    GSI1SK: isoUtc(issuedAt),
  }),

  /** A named counter (member numbers). */
  counter: (name: string) => ({ PK: `COUNTER#${name}`, SK: META }),

  idempotency: (scope: string) => ({ PK: `IDEMPOTENCY#${scope}`, SK: META }),
} as const;
