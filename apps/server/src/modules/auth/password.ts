import { hash, verify } from '@node-rs/argon2';

// OWASP's Argon2id baseline: 19 MiB, 2 iterations, 1 lane (about 16 ms here).
const OPTIONS = { algorithm: 2 /* Argon2id (a const enum, unusable under isolatedModules) */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Passwords of 10+ characters; length beats composition rules (NIST SP 800-63B). */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'The password must have at least 10 characters';
  if (password.length > 200) return 'The password must have at most 200 characters';
  return null;
}
