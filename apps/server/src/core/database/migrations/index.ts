import { Foundation1764316800000 } from './1764316800000-Foundation';

/** Every migration, in order. New ones are appended here. */
export const migrations = [Foundation1764316800000];
