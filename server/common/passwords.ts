import { hash, verify } from '@node-rs/argon2';

/** Passwords are stored with argon2id (a slow hash); the plain text never leaves this file. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** A hash of no one's password, verified against when there is no account, so that takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hash(`no account ${Math.random()}`);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
