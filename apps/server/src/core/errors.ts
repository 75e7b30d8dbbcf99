import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';

/** The codes integrators see in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

/**
 * A rule of the domain was broken. Services throw it; one formatter maps it to `extensions`.
 * `field` names the input field at fault (dotted path, e.g. `contactInfo.1.value`), `reason` a finer code.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { field?: string; reason?: string; [key: string]: unknown } = {},
  ) {
    super(message);
  }
}

export const badInput = (field: string, message: string, reason?: string) =>
  new DomainError('BAD_USER_INPUT', message, { field, reason });
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} was not found`);
export const forbidden = (message = 'You are not allowed to do this') => new DomainError('FORBIDDEN', message);
export const unauthenticated = () => new DomainError('UNAUTHENTICATED', 'Sign in first');
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('CONFLICT', message, details);

function firstConstraint(errors: ValidationError[], prefix = ''): { field: string; message: string } | undefined {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      const message = Object.values(e.constraints)[0];
      return { field, message };
    }
    const nested = e.children && firstConstraint(e.children, field);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * One place that decides what a client sees of an error. Domain and validation errors keep their message;
 * anything unexpected is logged by the caller and reaches the client only as a code and the request id.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  requestId: string | undefined,
  onUnexpected: (err: unknown) => void,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError ?? error : error;
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code, ...original.details, requestId },
    };
  }
  if (original instanceof ArgumentValidationError) {
    const first = firstConstraint(original.extensions.validationErrors as ValidationError[]);
    return {
      message: first ? `${first.field}: ${first.message}` : 'Invalid input',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', field: first?.field, requestId },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    return { ...formatted, extensions: { ...formatted.extensions, requestId, stacktrace: undefined } };
  }
  if (original instanceof GraphQLError && !original.originalError && !code) {
    // A schema-level error raised by graphql-js itself (e.g. a bad scalar): the client's input is at fault.
    return { ...formatted, extensions: { code: 'BAD_USER_INPUT', requestId } };
  }
  onUnexpected(original);
  return {
    message: `Internal error; quote request id ${requestId ?? 'unknown'} when reporting it`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}
