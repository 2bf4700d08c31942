import { GraphQLError } from 'graphql';

/** Medusa's error vocabulary (MedusaError.Types); the REST layer maps each to its status. */
export type ErrorType =
  | 'invalid_data'
  | 'not_found'
  | 'not_allowed'
  | 'duplicate_error'
  | 'conflict'
  | 'unauthorized'
  | 'payment_authorization_error'
  | 'unexpected_state'
  | 'invalid_argument'
  | 'database_error'
  | 'unavailable'
  | 'too_many_requests'
  | 'unknown_error';

/** The one application error. Thrown by services, it reaches clients as-is (never as a bare 500). */
export class AppError extends GraphQLError {
  constructor(public readonly type: ErrorType, message: string, public readonly code?: string) {
    super(message, { extensions: { code: code ?? type, type } });
  }
}

export const notFound = (what: string, id: string, key = 'id') =>
  new AppError('not_found', `${what} with ${key}: ${id} was not found`);
export const invalid = (message: string) => new AppError('invalid_data', message);
export const notAllowed = (message: string) => new AppError('not_allowed', message);
export const duplicate = (message: string) => new AppError('duplicate_error', message, 'invalid_request_error');
export const unauthorized = (message = 'Unauthorized') => new AppError('unauthorized', message);
/** A signed-in user whose role does not allow the operation (Medusa's not_allowed, 400). */
export const forbidden = (message = 'Only users with the admin role may do this') => new AppError('not_allowed', message);

/** HTTP status of each error type, as Medusa's error handler answers. */
export const STATUS_OF: Record<string, number> = {
  invalid_data: 400,
  not_allowed: 400,
  not_found: 404,
  duplicate_error: 422,
  payment_authorization_error: 422,
  conflict: 409,
  unauthorized: 401,
  unexpected_state: 500,
  invalid_argument: 500,
  database_error: 500,
  unavailable: 503,
  too_many_requests: 429,
  unknown_error: 500,
};

/** What a client sees while PostgreSQL is down, restarting or refusing connections. */
export const unavailable = () => new AppError('unavailable', 'The database is unavailable at the moment; please retry shortly.');

/** PostgreSQL codes of a server that is going away or not taking connections (classes 08, 57P, 53300). */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
const UNAVAILABLE_MESSAGE = /Connection terminated|Connection ended unexpectedly|Timeout acquiring a connection|not currently accepting connections|the database system is (starting up|shutting down)|Client has encountered a connection error|Connection is closed/i;

/** Whether an error (or one it wraps) means the database cannot be reached, rather than a mistake. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: any = err;
  for (let i = 0; e && i < 5; i++) {
    if (typeof e.code === 'string' && (UNAVAILABLE_CODES.has(e.code) || UNAVAILABLE_NODE_CODES.has(e.code))) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    e = e.originalError ?? e.cause ?? e.previous;
  }
  return false;
}

interface PgError { code?: string; detail?: string; table?: string; constraint?: string }

/**
 * Turns a driver or ORM error into an AppError when it means a user mistake Medusa reports
 * (unique violation, missing reference, serialization failure); returns undefined otherwise.
 */
export function fromDatabaseError(err: unknown): AppError | undefined {
  if (isDatabaseUnavailable(err)) return unavailable();
  const pg = findPgError(err);
  if (!pg) return undefined;
  switch (pg.code) {
    case '23505': {
      // detail: Key (email)=(a@b.c) already exists.
      const m = /Key \((.+)\)=\((.*)\) already exists/.exec(pg.detail ?? '');
      const table = humanTable(pg.table);
      return duplicate(m ? `${table} with ${m[1]} ${m[2]} already exists.` : `${table} already exists.`);
    }
    case '23503':
      return new AppError('not_found', `A referenced record was not found (${pg.constraint ?? 'foreign key'}).`);
    case '40001':
    case '40P01':
      return new AppError('conflict', 'The request conflicted with another request. You may retry the request with the provided Idempotency-Key.', 'invalid_state_error');
    case '23502':
      return invalid(`A required value is missing (${pg.detail ?? pg.constraint ?? 'not null'}).`);
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
      return invalid('A value has an invalid format.');
    case '22001': // string data right truncation: a value longer than its column
      return invalid('A value is longer than its field allows.');
    case '22021': // character not in repertoire (a NUL byte, invalid UTF-8)
    case '22P05': // untranslatable character
      return invalid('A value contains characters that cannot be stored.');
    case '08P01': // protocol violation: e.g. more bind parameters than the protocol carries
      return invalid('The request asks for too many values at once.');
    default:
      return undefined;
  }
}

function findPgError(err: unknown): PgError | undefined {
  let e: any = err;
  for (let i = 0; e && i < 5; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && ('severity' in e || 'routine' in e || 'detail' in e)) return e;
    e = e.originalError ?? e.cause ?? e.previous;
  }
  return undefined;
}

/** Medusa's wording: the table name with its first letter capitalised (`Product_collection`). */
function humanTable(table?: string): string {
  if (!table) return 'Record';
  return table.charAt(0).toUpperCase() + table.slice(1);
}
