/**
 * Building blocks of the HTTP contracts that every module's contract uses: ids, dates, instants, numbers in
 * query strings, money and counts in answers, the problem answer.
 */
import { parseInstant } from '../instant';
import * as z from '../zod';

/** An id in a path, query or body: letters, digits, `-` and `_`. */
export const id = z
  .string()
  .check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, - and _ only'));
/** A kebab-case id the back office may give (`h1t-kudanshita`, `partner-tw`). */
export const kebabId = z
  .string()
  .check(
    z.maxLength(64),
    z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Expected kebab-case: lower-case letters, digits and single hyphens'),
  );
/** `true` / `false` in a query string (a boolean to clients). */
export const flag = z.pipe(
  z.pipe(
    z.enum(['true', 'false']),
    z.transform((v) => v === 'true'),
  ),
  z.boolean(),
);
/** A calendar date `YYYY-MM-DD` in a request, 2000–2099. */
export const localDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected YYYY-MM-DD'),
  z.refine((v) => {
    const t = Date.parse(`${v}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(v);
  }, 'Not a calendar date'),
  z.refine((v) => v >= '2000-01-01' && v <= '2099-12-31', 'Dates run from 2000 to 2099'),
);
/** A number in a query string, within `[min, max]` (a number to clients). */
export const queryNumber = (min: number, max: number) =>
  z.pipe(
    z.pipe(z.string().check(z.regex(/^-?\d+(\.\d+)?$/, 'Expected a number')), z.transform(Number)),
    z.number().check(z.gte(min), z.lte(max)),
  );

/** What a client sends as an instant: ISO 8601 with an offset (the OpenAPI document says `format: date-time`). */
export const instantText = z.string().check(z.maxLength(40));

/** A whole number in a query string, within `[min, max]` (an integer to clients). */
export const queryInteger = (min: number, max: number) =>
  z.pipe(
    z.pipe(z.string().check(z.regex(/^-?\d+(\.\d+)?$/, 'Expected a number')), z.transform(Number)),
    z.number().check(z.int('Expected a whole number'), z.gte(min), z.lte(max)),
  );

/** An ISO 8601 instant with an offset (`2026-11-24T14:00:00+09:00`), as epoch milliseconds. */
export const instant = z.pipe(
  instantText,
  z.transform((text, ctx) => {
    const t = parseInstant(text);
    if (t === null) {
      ctx.issues.push({ code: 'custom', message: 'Expected an ISO 8601 instant with an offset', input: text });
      return z.NEVER;
    }
    return t;
  }),
);

export const facilityKinds = ['reservation', 'dropin', 'meeting'] as const;
export const plans = ['basic', 'premium', 'corporate'] as const;

/** Routes that take no fields accept `{}` or nothing. */
export const emptyBody = z.optional(z.strictObject({}));
/** `/…/{id}` of a reservation (booking requests are reservations too). */
export const reservationPath = z.strictObject({ id: z.string().check(z.uuid()) });

/** An instant in the facility's zone, e.g. `2026-11-24T14:00:00+09:00`. */
export const zoned = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();
export const localTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Expected HH:mm'));
export const yen = z.number().check(z.int(), z.gte(0));
export const count = z.number().check(z.int(), z.gte(0));
export const price = z.strictObject({ amount: yen, tax: yen, total: yen });

export const itemsOf = <T extends z.ZodMiniType>(item: T) => z.strictObject({ items: z.array(item) });

/** Every error answer (RFC 9457 problem+json) with the api.md code. */
export const problemResponse = z.strictObject({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int(), z.gte(400), z.lte(599)),
  code: z.string(),
  detail: z.string(),
  errors: z.optional(z.array(z.strictObject({ field: z.string(), message: z.string() }))),
  /** `CALENDAR_CONFLICT`: the reservation numbers of the held bookings the change would strand. */
  conflicts: z.optional(z.array(z.string())),
});
