import { type ErrorCode, STATUS_OF_CODE, TITLE_OF_CODE } from '../../contracts/errors';

export { STATUS_OF_CODE };

export interface FieldProblem {
  field: string;
  message: string;
}

/** An error that maps to one problem+json answer. Throw it anywhere below a handler. */
export class ApiError extends Error {
  readonly status: number;
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
}

/** The problem+json body of an error. */
export const problemBody = (error: ApiError): ProblemBody => ({
  type: `urn:coworking:problem:${error.code.toLowerCase().replaceAll('_', '-')}`,
  title: TITLE_OF_CODE[error.code],
  status: error.status,
  code: error.code,
  detail: error.detail,
  ...(error.errors ? { errors: error.errors } : {}),
});

export const notFound = (what: string): ApiError => new ApiError('NOT_FOUND', `${what} not found`);
