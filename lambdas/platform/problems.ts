import { type ErrorCode, type FieldProblem, STATUS_OF_CODE, TITLE_OF_CODE } from '../../contracts/errors';

export type { FieldProblem };
export { STATUS_OF_CODE };

/** An error that maps to one problem+json answer. Throw it anywhere below a handler. */
export class ApiError extends Error {
  readonly status: number;
  /** `CALENDAR_CONFLICT`: the reservation numbers a calendar change would strand (a member of the problem). */
  conflicts?: string[];
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldProblem[],
    status?: number,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ApiError';
    this.status = status ?? STATUS_OF_CODE[code];
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldProblem[];
  conflicts?: string[];
}

/** The problem+json body of an error. */
export const problemBody = (error: ApiError): ProblemBody => ({
  type: `urn:coworking:problem:${error.code.toLowerCase().replaceAll('_', '-')}`,
  title: TITLE_OF_CODE[error.code],
  status: error.status,
  code: error.code,
  detail: error.detail,
  ...(error.errors ? { errors: error.errors } : {}),
  ...(error.conflicts ? { conflicts: error.conflicts } : {}),
});

export const notFound = (what: string): ApiError => new ApiError('NOT_FOUND', `${what} not found`);

/** 409 `CALENDAR_CONFLICT` naming the reservations (by number) a calendar change would leave outside open hours. */
export function calendarConflict(numbers: readonly string[]): ApiError {
  const error = new ApiError(
    'CALENDAR_CONFLICT',
    `The change would leave held bookings outside open hours: ${numbers.join(', ')}. Settle them first.`,
  );
  error.conflicts = [...numbers];
  return error;
}
