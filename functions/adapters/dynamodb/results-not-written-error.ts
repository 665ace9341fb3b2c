/** `putResults` ran out of retries: some results were not written (or their latest item not updated). */
export class ResultsNotWrittenError extends Error {
  override readonly name = 'ResultsNotWrittenError';

  constructor(
    /** How many of the results were not (completely) written. */
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

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
