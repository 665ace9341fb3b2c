import type { ErrorCode, ErrorPhase } from '../core/probe-result';

/** A target's failure, thrown inside the engine and turned into a result's `error`; it never leaves the engine. */
export class ProbeFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Where it happened: every failure names its phase. */
    readonly phase: ErrorPhase,
  ) {
    super(message);
    this.name = 'ProbeFailure';
  }
}
