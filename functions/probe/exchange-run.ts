import type { HttpVersion } from '../core/probe-result';
import type { Deadline } from './deadline';
import { classifyExchangeError } from './exchange-failure';
import type { HttpRequest, HttpResponse } from './http-exchange';
import { ProbeFailure } from './probe-failure';
import { type ProbeTrace, type ResponseProgress, recordReplyTimings } from './probe-trace';
import { isRedirectStatus } from './redirects';
import { type FlowControl, ResponseBody } from './response-body';

/**
 * The bookkeeping of one exchange, whatever its HTTP version: the clock, the response so far, and settling once.
 * The version-specific code reports events to it.
 */
export class ExchangeRun {
  #startedAt: number | undefined;
  #sentAt: number | undefined;
  #firstByteAt: number | undefined;
  #lastByteAt: number | undefined;
  #status = 0;
  #headers: Record<string, string> = {};
  #body: ResponseBody | undefined;
  #settled = false;
  /** The body ended on the connection: what the connection does next is not the response's failure. */
  #wireEnded = false;
  #release: () => void = () => {};
  readonly #progress: ResponseProgress;
  readonly #onDeadline = () => this.fail(undefined);

  constructor(
    private readonly request: HttpRequest,
    private readonly deadline: Deadline,
    private readonly trace: ProbeTrace,
    private readonly resolve: (response: HttpResponse) => void,
    private readonly reject: (failure: unknown) => void,
  ) {
    this.#progress = { httpVersion: request.http2 ? '2' : '1.1' };
    trace.response = this.#progress;
    delete trace.bytesRead;
    if (deadline.expired) queueMicrotask(this.#onDeadline);
    else deadline.signal.addEventListener('abort', this.#onDeadline, { once: true });
  }

  /** Whether the outcome is known; events after it are ignored. */
  get settled(): boolean {
    return this.#settled;
  }

  /** How to close the connection once the outcome is known (not timed: cleanup is not latency). */
  onRelease(release: () => void): void {
    this.#release = release;
  }

  /** The request is about to be written: the TTFB clock starts, unless `requestSent` says when it went out. */
  requestStarting(): void {
    this.#startedAt ??= performance.now();
  }

  /**
   * The whole request was handed to the connection: the TTFB clock starts here instead, so that building,
   * encrypting and writing the request (Lookout's own work) is in no phase, as blackbox_exporter's `processing`
   * starts once the request is written. Ignored when response bytes came first (a server that answers before
   * reading a large body): the clock then keeps its start.
   */
  requestSent(): void {
    if (this.#firstByteAt === undefined) this.#sentAt ??= performance.now();
  }

  /** Response bytes arrived, now; bytes before the request (a server that speaks first) are not a response. */
  bytesArrived(): void {
    if (this.#startedAt === undefined) return;
    const now = performance.now();
    this.#firstByteAt ??= now;
    this.#lastByteAt = now;
  }

  /**
   * The final response's headers arrived. Returns the body reader, or `undefined` when the body is not wanted
   * (a redirect whose target is all that matters): the exchange is then over.
   */
  responseStarted(
    status: number,
    headers: Record<string, string>,
    httpVersion: HttpVersion,
    flow: FlowControl,
  ): ResponseBody | undefined {
    this.#status = status;
    this.#headers = headers;
    this.#progress.status = status;
    this.#progress.httpVersion = httpVersion;
    if (this.request.skipRedirectBody && isRedirectStatus(status)) {
      this.#finish(() => this.resolve({ status, headers, body: Buffer.alloc(0), bodyTruncated: false }));
      return undefined;
    }
    this.#body = new ResponseBody(
      headers['content-encoding'],
      this.request.maxBodyBytes,
      this.#progress,
      this.trace,
      () => this.bodyEnded(),
      flow,
    );
    return this.#body;
  }

  /** The body ended on the connection (or filled `maxBodyBytes`): the network part is over. */
  bodyEnded(): void {
    if (this.#settled || this.#wireEnded) return;
    this.#wireEnded = true;
    const endedAt = this.#lastByteAt ?? performance.now();
    this.#detachDeadline();
    const read = this.#body?.end() ?? Promise.resolve({ body: Buffer.alloc(0), truncated: false });
    // Decoding the tail of the body is Lookout's own work: it ends after `endedAt`, outside the clock.
    read.then(
      ({ body, truncated }) =>
        this.#finish(
          () =>
            this.resolve({ status: this.#status, headers: this.#headers, body, bodyTruncated: truncated }),
          endedAt,
        ),
      (error: unknown) => this.fail(error),
    );
  }

  /** Something ended the exchange early. */
  fail(error: unknown): void {
    if (this.#settled) return;
    // Once the body is in, only its decoding can still fail.
    if (this.#wireEnded && !(error instanceof ProbeFailure)) return;
    const failure = classifyExchangeError(error, this.deadline, this.trace, this.request.url, {
      headersReceived: this.#progress.status !== undefined,
      contentLength: this.#headers['content-length'],
      http2: this.request.http2,
    });
    this.#finish(() => this.reject(failure));
  }

  #finish(outcome: () => void, endedAt?: number): void {
    if (this.#settled) return;
    this.#settled = true;
    recordReplyTimings(
      this.trace,
      this.#sentAt ?? this.#startedAt ?? performance.now(),
      this.#firstByteAt,
      endedAt,
    );
    this.#detachDeadline();
    outcome();
    this.#body?.dispose();
    this.#release();
  }

  #detachDeadline(): void {
    this.deadline.signal.removeEventListener('abort', this.#onDeadline);
  }
}

/** Flattens Node's header objects: lower-case names, repeated values joined with `', '`, pseudo-headers left out. */
export function flattenHeaders(
  raw: Record<string, string | string[] | number | undefined>,
): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || name.startsWith(':')) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return flat;
}
