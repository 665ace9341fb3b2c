import { join } from 'node:path';

/** The bench folder: RESULTS.md lives here. */
export const benchDir = new URL('.', import.meta.url).pathname;

/** Scratch space of the benches (gitignored): certificates, quick runs' results, saved measurements. */
export const workDir = join(benchDir, '.work');
