/** The error codes of the API contract (api.md), their HTTP statuses and titles. */

/** One field a refusal names (`errors` of the problem): `body.x`, `path.y`, `query.z` or a header. */
export interface FieldProblem {
  field: string;
  message: string;
}

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'SLOT_UNAVAILABLE'
  | 'OVERLAPS_OWN_RESERVATION'
  | 'OUTSIDE_BOOKING_WINDOW'
  | 'OUTSIDE_BUSINESS_HOURS'
  | 'INVALID_DURATION'
  | 'INSUFFICIENT_TICKETS'
  | 'DAILY_LIMIT_REACHED'
  | 'PLAN_NOT_ELIGIBLE'
  | 'PLAN_REQUIRED'
  | 'INVALID_STATE'
  | 'CHECK_IN_NOT_OPEN'
  | 'EXTENSION_NOT_ALLOWED'
  | 'UNKNOWN_DOOR'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'PRECONDITION_REQUIRED'
  | 'VERSION_MISMATCH'
  | 'INVALID_SPACE_CONFIG'
  | 'CALENDAR_CONFLICT'
  | 'EXPORT_TOO_LARGE'
  | 'QR_NOT_RECOGNIZED'
  | 'SPACE_FULL'
  | 'GUEST_LIMIT_REACHED'
  | 'TICKET_INVALID'
  /** Not a client error: a fault on our side (500). */
  | 'INTERNAL_ERROR';

/** HTTP status of each error code (api.md). */
export const STATUS_OF_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SLOT_UNAVAILABLE: 409,
  OVERLAPS_OWN_RESERVATION: 409,
  OUTSIDE_BOOKING_WINDOW: 422,
  OUTSIDE_BUSINESS_HOURS: 422,
  INVALID_DURATION: 422,
  INSUFFICIENT_TICKETS: 422,
  DAILY_LIMIT_REACHED: 422,
  PLAN_NOT_ELIGIBLE: 403,
  PLAN_REQUIRED: 403,
  INVALID_STATE: 409,
  CHECK_IN_NOT_OPEN: 422,
  EXTENSION_NOT_ALLOWED: 422,
  UNKNOWN_DOOR: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  PRECONDITION_REQUIRED: 428,
  VERSION_MISMATCH: 412,
  INVALID_SPACE_CONFIG: 422,
  CALENDAR_CONFLICT: 409,
  EXPORT_TOO_LARGE: 422,
  QR_NOT_RECOGNIZED: 404,
  SPACE_FULL: 409,
  GUEST_LIMIT_REACHED: 422,
  TICKET_INVALID: 422,
  INTERNAL_ERROR: 500,
};

export const TITLE_OF_CODE: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The request does not match the schema',
  UNAUTHENTICATED: 'No valid token',
  FORBIDDEN: 'Not allowed for this role',
  NOT_FOUND: 'Not found',
  SLOT_UNAVAILABLE: 'The slot is taken',
  OVERLAPS_OWN_RESERVATION: 'Overlaps one of your reservations',
  OUTSIDE_BOOKING_WINDOW: 'Outside the booking window',
  OUTSIDE_BUSINESS_HOURS: 'Outside business hours',
  INVALID_DURATION: 'Invalid duration',
  INSUFFICIENT_TICKETS: 'Not enough uses left',
  DAILY_LIMIT_REACHED: 'Daily limit reached',
  PLAN_NOT_ELIGIBLE: 'Not available on your plan',
  PLAN_REQUIRED: 'No plan yet',
  INVALID_STATE: 'Not possible in the current state',
  CHECK_IN_NOT_OPEN: 'Check-in is not open',
  EXTENSION_NOT_ALLOWED: 'Extension not allowed',
  UNKNOWN_DOOR: 'Unknown door',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency key reused with another request',
  PRECONDITION_REQUIRED: 'If-Match is required',
  VERSION_MISMATCH: 'The resource changed since you read it',
  INVALID_SPACE_CONFIG: 'The settings break a rule',
  CALENDAR_CONFLICT: 'The change would strand held bookings',
  EXPORT_TOO_LARGE: 'Too many lines for a CSV answer: use an export',
  QR_NOT_RECOGNIZED: 'No open space has this QR code',
  SPACE_FULL: 'The space is full',
  GUEST_LIMIT_REACHED: 'More guests than the space allows',
  TICKET_INVALID: 'The member ticket is forged, expired or already used',
  INTERNAL_ERROR: 'Internal error',
};
