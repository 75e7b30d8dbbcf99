import { Foundation1764316800000 } from './1764316800000-Foundation';
import { Activities1764403200000 } from './1764403200000-Activities';

/** Every migration, in order. New ones are appended here. */
export const migrations = [Foundation1764316800000, Activities1764403200000];
