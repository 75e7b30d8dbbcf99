import { isUUID } from 'class-validator';
import { badInput } from './errors';

/**
 * Ids reach the services as free strings (GraphQL `ID`). One that is not a UUID cannot name a row and the
 * database would reject it with a type error (an internal error): refuse it as bad input naming the argument.
 */
export function requireId(id: string, field = 'id'): string {
  if (!isUUID(id, 'all')) throw badInput(field, 'Not a valid id', 'ID_INVALID');
  return id;
}

export const isId = (value: unknown): value is string => typeof value === 'string' && isUUID(value, 'all');
