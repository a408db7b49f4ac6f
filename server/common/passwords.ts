import { hash, verify } from '@node-rs/argon2';

/** Passwords are stored with argon2id (a slow hash); the plain text never leaves this file. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
