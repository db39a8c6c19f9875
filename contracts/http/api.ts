/**
 * API request schemas (api.md). Strict: an unknown field is a 400 that names it.
 */
import * as z from 'zod';
import { parseInstant } from '../../lambdas/domain/format';

const id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, - and _ only');
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected YYYY-MM-DD')
  .refine((v) => {
    const t = Date.parse(`${v}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(v);
  }, 'Not a calendar date')
  .refine((v) => v >= '2000-01-01' && v <= '2099-12-31', 'Dates run from 2000 to 2099');
const number = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, 'Expected a number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

export const facilityKinds = ['reservation', 'dropin', 'meeting'] as const;
export const plans = ['basic', 'premium', 'corporate'] as const;

export const listFacilitiesQuery = z
  .strictObject({
    kind: z.enum(facilityKinds).optional(),
    prefecture: z.string().min(1).max(16).optional(),
    lat: number(-90, 90).optional(),
    lng: number(-180, 180).optional(),
    radiusM: number(1, 100_000).optional(),
    amenities: z
      .string()
      .max(512)
      .transform((v) => v.split(',').filter((a) => a.length > 0))
      .optional(),
    openEarly: flag.optional(),
    openLate: flag.optional(),
    weekends: flag.optional(),
    noTimeLimit: flag.optional(),
  })
  .refine((q) => [q.lat, q.lng].every((v) => v === undefined) || [q.lat, q.lng].every((v) => v !== undefined), {
    message: 'lat and lng go together',
    path: ['lat'],
  });

export const facilityPath = z.strictObject({ facilityId: id });
export const spacePath = z.strictObject({ spaceId: id });
export const availabilityQuery = z.strictObject({ date: localDate });

export const localMemberBody = z.strictObject({
  memberId: id,
  plan: z.enum(plans),
  contractStart: localDate.optional(),
  companyName: z.string().min(1).max(128).optional(),
});

export const localTokenBody = z.strictObject({
  sub: id,
  role: z.enum(['member', 'operator', 'admin']),
  partnerId: id.optional(),
  operatorRole: z.enum(['full', 'staff', 'usage']).optional(),
});

export const localClockBody = z.union([
  z.strictObject({ now: z.string().min(1) }),
  z.strictObject({
    advanceMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 365),
  }),
]);

/** An ISO 8601 instant with an offset (`2026-11-24T14:00:00+09:00`), as epoch milliseconds. */
const instant = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const t = parseInstant(text);
    if (t === null) {
      ctx.addIssue({ code: 'custom', message: 'Expected an ISO 8601 instant with an offset' });
      return z.NEVER;
    }
    return t;
  });

export const createReservationBody = z.strictObject({
  spaceId: id,
  start: instant,
  end: instant,
  options: z
    .array(z.strictObject({ optionId: id, quantity: z.number().int().min(1).max(1000) }))
    .max(20)
    .optional(),
});

export const reservationPath = z.strictObject({ id: z.string().uuid() });
export const listReservationsQuery = z.strictObject({
  scope: z.enum(['upcoming', 'current', 'past']).default('upcoming'),
  /** Reservations per page: 1–100, default 100. */
  limit: number(1, 100).pipe(z.number().int('Expected a whole number')).optional(),
  /** `nextCursor` of the previous page. */
  cursor: z
    .string()
    .max(512)
    .regex(/^[A-Za-z0-9_-]+$/, 'Not a cursor of this API')
    .optional(),
});
export const extendBody = z.strictObject({
  minutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60),
});
export const corporateCodeBody = z.strictObject({ code: z.string().regex(/^\d{16}$/, 'Expected 16 digits') });
export const emptyBody = z.strictObject({}).optional();

export const doorBody = z.strictObject({ doorId: id });
export const unlockCommandPath = z.strictObject({ commandId: z.string().uuid() });

export const bookingRequestsQuery = z.strictObject({ facilityId: id.optional() });
