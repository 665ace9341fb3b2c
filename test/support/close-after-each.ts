import { afterEach } from 'vitest';

/** Anything a test starts and must stop. */
export interface Closable {
  close(): Promise<void>;
}

/**
 * Registers an `afterEach` hook in the calling test file and returns a function that enrolls a server
 * (or anything closable) to be closed after the current test, whether it passed or not.
 */
export function closeAfterEach(): <T extends Closable>(started: Promise<T>) => Promise<T> {
  const open: Closable[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((closable) => closable.close()));
  });
  return async (started) => {
    const closable = await started;
    open.push(closable);
    return closable;
  };
}
