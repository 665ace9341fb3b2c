/**
 * What a test HTTP server does with one request. Every plan is plain data; `performResponsePlan`
 * carries it out on a real socket.
 */
export type ResponsePlan =
  | RespondPlan
  | TricklePlan
  | RedirectPlan
  | TruncatedBodyPlan
  | ResetMidBodyPlan
  | ResetBeforeResponsePlan
  | HangPlan
  | EndlessBodyPlan;

/** Answer normally, optionally after a delay before the headers. */
export interface RespondPlan {
  /** Which plan. */
  kind: 'respond';
  /**
   * The status code.
   * @default 200
   */
  status?: number;
  /**
   * Extra headers, over `content-type: text/plain` and the computed `content-length`.
   * @default {}
   */
  headers?: Record<string, string>;
  /**
   * The body.
   * @default ''
   */
  body?: string;
  /**
   * Wait this long after the request arrived before sending the headers.
   * @default 0
   */
  delayMs?: number;
}

/** Send the headers at once, then the body in chunks, waiting `intervalMs` before each one. */
export interface TricklePlan {
  /** Which plan. */
  kind: 'trickle';
  /**
   * The status code.
   * @default 200
   */
  status?: number;
  /** The body, piece by piece. */
  chunks: string[];
  /** The wait before each chunk. */
  intervalMs: number;
}

/** Redirect to `location`. */
export interface RedirectPlan {
  /** Which plan. */
  kind: 'redirect';
  /** The `location` header, sent as is (relative or absolute). */
  location: string;
  /**
   * The redirect status code.
   * @default 302
   */
  status?: number;
  /**
   * Wait this long before answering.
   * @default 0
   */
  delayMs?: number;
}

/** Declare a `content-length` of `declaredBytes`, send only `body`, then close the connection cleanly (FIN). */
export interface TruncatedBodyPlan {
  /** Which plan. */
  kind: 'truncatedBody';
  /** The `content-length` announced. */
  declaredBytes: number;
  /** What is actually sent before the close. */
  body: string;
}

/** Declare a `content-length` of `declaredBytes`, send `body`, then reset the connection (RST). */
export interface ResetMidBodyPlan {
  /** Which plan. */
  kind: 'resetMidBody';
  /** The `content-length` announced. */
  declaredBytes: number;
  /** What is actually sent before the reset. */
  body: string;
}

/** Reset the connection (RST) as soon as the request has arrived, before any response byte. */
export interface ResetBeforeResponsePlan {
  /** Which plan. */
  kind: 'resetBeforeResponse';
}

/** Accept the request and never answer. */
export interface HangPlan {
  /** Which plan. */
  kind: 'hang';
}

/**
 * Stream `totalBytes` of body (declared in `content-length`), honouring back-pressure, and stop as
 * soon as the client goes away. The server counts the bytes it handed to the socket.
 */
export interface EndlessBodyPlan {
  /** Which plan. */
  kind: 'endlessBody';
  /** The body length announced and streamed, unless the client leaves first. */
  totalBytes: number;
  /**
   * The size of each write.
   * @default 65536
   */
  chunkBytes?: number;
}
