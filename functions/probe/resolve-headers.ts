import type { HeaderValue } from '../core/declare/declarations';
import type { ProbeContext } from './probe-context';
import { ProbeFailure } from './probe-failure';

/** Request headers with every secret read, and the lower-case names of those that were secret. */
export interface ResolvedHeaders {
  headers: Record<string, string>;
  secretNames: Set<string>;
}

/** Reads the secret header values; a secret that cannot be read fails the probe with `INTERNAL`, naming only its reference. */
export async function resolveHeaders(
  declared: Record<string, HeaderValue>,
  resolveSecret: ProbeContext['resolveSecret'],
): Promise<ResolvedHeaders> {
  const headers: Record<string, string> = {};
  const secretNames = new Set<string>();
  for (const [name, value] of Object.entries(declared)) {
    if (typeof value === 'string') {
      headers[name] = value;
      continue;
    }
    secretNames.add(name.toLowerCase());
    try {
      headers[name] = await resolveSecret(value);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown error';
      throw new ProbeFailure(
        'INTERNAL',
        `could not read secret ${value.ref} for header ${name} (${reason})`,
        'setup',
      );
    }
  }
  return { headers, secretNames };
}
