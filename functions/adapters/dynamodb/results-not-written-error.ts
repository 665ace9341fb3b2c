import { describeError, LookoutError } from '../../core/lookout-error';

/** `putResults` ran out of retries: some results were not written. */
export class ResultsNotWrittenError extends LookoutError {
  override readonly name = 'ResultsNotWrittenError';
  readonly code = 'LOOKOUT_RESULTS_NOT_WRITTEN';

  constructor(
    /** How many of the results were not written. */
    readonly notWritten: number,
    /** How many results the call had. */
    readonly total: number,
    detail: string,
    cause: unknown,
  ) {
    super(`${notWritten} of ${total} results were not written: ${detail}: ${describeError(cause)}`, {
      cause,
    });
  }
}
