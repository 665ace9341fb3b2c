import type { ErrorCode, ProbePhase } from '../core/probe-result';

/** A target's failure, thrown inside the engine and turned into a result's `error`; it never leaves the engine. */
export class ProbeFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly phase?: ProbePhase,
  ) {
    super(message);
    this.name = 'ProbeFailure';
  }
}
