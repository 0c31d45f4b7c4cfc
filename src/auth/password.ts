import * as argon2 from 'argon2';

// argon2id at OWASP's recommended settings: 19 MiB, 2 passes, 1 lane (~45 ms on a 2-core machine).
const OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

/** A real hash to verify against when the account does not exist, so timing does not reveal it. */
let decoy: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password.normalize('NFKC'), OPTIONS);
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const hash = stored ?? (await (decoy ??= hashPassword('decoy password for unknown accounts')));
  try {
    return (await argon2.verify(hash, password.normalize('NFKC'))) && stored != null;
  } catch {
    return false;
  }
}
