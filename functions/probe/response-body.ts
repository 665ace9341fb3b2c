import type { Transform } from 'node:stream';
import * as zlib from 'node:zlib';
import { ProbeFailure } from './probe-failure';
import type { ResponseProgress } from './probe-trace';

/**
 * The content codings the engine decodes, in the order it offers them in `Accept-Encoding` by default: what a
 * browser offers (zstd only where this Node has it).
 */
export const decodableEncodings: readonly string[] = [
  'gzip',
  'deflate',
  'br',
  ...(typeof zlib.createZstdDecompress === 'function' ? ['zstd'] : []),
];

/** The body as the assertions see it. */
export interface ReadBody {
  /** Decoded, at most `maxBodyBytes`. */
  body: Buffer;
  /** More (decoded) body followed than `maxBodyBytes`; it was not downloaded. */
  truncated: boolean;
}

/** How the body reader slows the connection down while a decoder catches up. */
export interface FlowControl {
  pause(): void;
  resume(): void;
}

/**
 * Reads a response body as it arrives: counts its bytes as sent (into `trace.bytesRead`), decodes its content
 * coding as it goes (gzip, x-gzip, deflate with or without its zlib wrapper, br, zstd; several in a row), and
 * keeps at most `maxBodyBytes` of DECODED output. Past that it calls `onFull` and stops, so a decompression bomb
 * costs at most `maxBodyBytes` plus one decoder chunk (16 KiB) of memory. An unknown coding is left as is.
 */
export class ResponseBody {
  readonly #chunks: Buffer[] = [];
  #keptBytes = 0;
  #truncated = false;
  #finished = false;
  readonly #decoders: Transform[] = [];
  #waitingForDrain = false;
  readonly #codings: string[];
  #decodingStarted = false;
  #waiter: { resolve: (body: ReadBody) => void; reject: (error: ProbeFailure) => void } | undefined;
  #decodeError: ProbeFailure | undefined;

  constructor(
    contentEncoding: string | undefined,
    private readonly maxBodyBytes: number,
    private readonly progress: ResponseProgress,
    private readonly counter: { bytesRead?: number },
    private readonly onFull: () => void,
    private readonly flow: FlowControl,
  ) {
    this.#codings = decodableCodings(contentEncoding);
    counter.bytesRead = 0;
  }

  /** A chunk as it came off the connection. */
  write(chunk: Buffer): void {
    if (this.#truncated || this.#decodeError) return;
    this.counter.bytesRead = (this.counter.bytesRead ?? 0) + chunk.length;
    if (this.#codings.length === 0) {
      this.#keep(chunk);
      return;
    }
    const first = this.#decoders[0] ?? this.#startDecoding(chunk);
    if (!first.write(chunk) && !this.#waitingForDrain) {
      this.#waitingForDrain = true;
      this.flow.pause();
      first.once('drain', () => {
        this.#waitingForDrain = false;
        this.flow.resume();
      });
    }
  }

  /** The body ended on the connection; resolves once the last byte is decoded. */
  end(): Promise<ReadBody> {
    if (this.#decodeError) return Promise.reject(this.#decodeError);
    if (this.#truncated || !this.#decodingStarted) return Promise.resolve(this.#result());
    return new Promise<ReadBody>((resolve, reject) => {
      this.#waiter = { resolve, reject };
      this.#decoders[0]?.end();
    });
  }

  /** Stops decoding: the probe is over. */
  dispose(): void {
    for (const decoder of this.#decoders) decoder.destroy();
  }

  #result(): ReadBody {
    this.#finished = true;
    return { body: Buffer.concat(this.#chunks), truncated: this.#truncated };
  }

  #keep(chunk: Buffer): void {
    const room = this.maxBodyBytes - this.#keptBytes;
    if (chunk.length > room) {
      if (room > 0) this.#chunks.push(chunk.subarray(0, room));
      this.#keptBytes += Math.max(room, 0);
      this.#truncated = true;
      this.progress.bodyTruncated = true;
      this.#recordDecoded();
      this.dispose();
      this.onFull();
      this.#waiter?.resolve(this.#result());
      return;
    }
    this.#chunks.push(chunk);
    this.#keptBytes += chunk.length;
    this.#recordDecoded();
  }

  #recordDecoded(): void {
    if (this.#codings.length > 0) this.progress.decodedBytes = this.#keptBytes;
  }

  /** Builds the decoders, last coding first; the first chunk tells a zlib-wrapped deflate from a raw one. */
  #startDecoding(firstChunk: Buffer): Transform {
    this.#decodingStarted = true;
    this.progress.contentEncoding = this.#codings.join(', ');
    this.progress.decodedBytes = 0;
    const reversed = [...this.#codings].reverse();
    const streams = reversed.map((coding, index) => decoderFor(coding, index === 0 ? firstChunk : undefined));
    for (const [index, stream] of streams.entries()) {
      const next = streams[index + 1];
      if (next) stream.pipe(next);
      stream.on('error', (error: Error) => this.#failDecoding(reversed[index] ?? 'unknown', error));
    }
    const last = streams.at(-1);
    last?.on('data', (decoded: Buffer) => {
      if (!this.#truncated) this.#keep(decoded);
    });
    last?.once('end', () => {
      if (!this.#finished) this.#waiter?.resolve(this.#result());
    });
    this.#decoders.push(...streams);
    return streams[0] as Transform;
  }

  #failDecoding(coding: string, error: Error): void {
    if (this.#truncated || this.#finished) return;
    this.#decodeError = new ProbeFailure(
      'PROTOCOL_ERROR',
      `the response body does not decode as ${coding}, its Content-Encoding: ${error.message}`,
      'transfer',
    );
    this.dispose();
    this.#waiter?.reject(this.#decodeError);
  }
}

/** The codings of a `Content-Encoding` header, in the order applied; none when one is unknown or all are identity. */
function decodableCodings(header: string | undefined): string[] {
  if (header === undefined) return [];
  const codings = header
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity')
    .map((coding) => (coding === 'x-gzip' ? 'gzip' : coding));
  return codings.every((coding) => decodableEncodings.includes(coding)) ? codings : [];
}

function decoderFor(coding: string, firstChunk: Buffer | undefined): Transform {
  switch (coding) {
    case 'gzip':
      return zlib.createGunzip();
    case 'deflate':
      return firstChunk && !hasZlibHeader(firstChunk) ? zlib.createInflateRaw() : zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return zlib.createZstdDecompress();
  }
}

/** RFC 1950: compression method 8, and the first two bytes a multiple of 31. Some servers send raw deflate. */
function hasZlibHeader(chunk: Buffer): boolean {
  if (chunk.length < 2) return true;
  const [cmf = 0, flg = 0] = chunk;
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}
