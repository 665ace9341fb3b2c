import type { Socket } from 'node:net';
import type { RegexSource } from '../core/declare/assertion';
import { compileRegex, formatRegex } from '../core/declare/regex-source';
import type { ResolvedTcpCheck } from '../core/resolve/resolved-monitor';
import type { ConnectionSettings } from './connection-settings';
import type { Deadline } from './deadline';
import { openConnection } from './open-connection';
import { ProbeFailure } from './probe-failure';
import { type ProbeTrace, recordReplyTimings } from './probe-trace';
import { isResetError } from './socket-errors';

/** The most reply bytes a TCP probe keeps. */
const maxReplyBytes = 64 * 1024;

/** What a TCP probe read. */
export interface TcpOutcome {
  reply: string;
  /** Reply bytes read; absent when the check expects no reply, so none was read. */
  bytesRead?: number;
}

/**
 * Probes a TCP check: connect, send `send` if any, and wait for a reply containing `expect` if any.
 * `ttfbMs` is from the send to the first reply byte; `transferMs` from there to the match.
 */
export async function probeTcp(
  check: ResolvedTcpCheck,
  deadline: Deadline,
  trace: ProbeTrace,
  settings: ConnectionSettings,
): Promise<TcpOutcome> {
  const socket = await openConnection({ host: check.host, port: check.port }, deadline, trace, settings);
  try {
    if (check.send !== undefined) socket.write(check.send);
    if (check.expect === undefined) {
      trace.endedAt = performance.now();
      return { reply: '' };
    }
    return await readUntilMatch(socket, check.expect, deadline, trace);
  } finally {
    socket.destroy();
  }
}

function readUntilMatch(
  socket: Socket,
  expected: string | RegexSource,
  deadline: Deadline,
  trace: ProbeTrace,
): Promise<TcpOutcome> {
  const matches =
    typeof expected === 'string' ? (text: string) => text.includes(expected) : regexMatcher(expected);
  const wanted = typeof expected === 'string' ? JSON.stringify(expected) : formatRegex(expected);
  const startedAt = performance.now();
  let firstByteAt: number | undefined;
  let reply = '';
  let bytesRead = 0;
  const quote = () => JSON.stringify(reply.slice(0, 200));

  return new Promise<TcpOutcome>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      recordReplyTimings(trace, startedAt, firstByteAt);
      socket.removeAllListeners('data');
      deadline.signal.removeEventListener('abort', onDeadline);
      outcome();
    };
    const onDeadline = () =>
      settle(() =>
        reject(
          bytesRead === 0
            ? new ProbeFailure(
                'TIMEOUT',
                `no reply within ${deadline.timeoutMs} ms (expected ${wanted})`,
                'ttfb',
              )
            : new ProbeFailure(
                'ASSERTION_FAILED',
                `reply ${quote()} did not contain ${wanted} within ${deadline.timeoutMs} ms`,
                'transfer',
              ),
        ),
      );
    if (deadline.expired) return onDeadline();
    deadline.signal.addEventListener('abort', onDeadline, { once: true });
    socket.on('data', (chunk: Buffer) => {
      firstByteAt ??= performance.now();
      if (bytesRead < maxReplyBytes) reply += chunk.subarray(0, maxReplyBytes - bytesRead).toString('utf8');
      bytesRead += chunk.length;
      trace.bytesRead = bytesRead;
      if (matches(reply)) settle(() => resolve({ reply, bytesRead }));
    });
    socket.once('close', () =>
      settle(() => {
        if (isResetError(trace.socketError)) {
          reject(
            new ProbeFailure(
              'CONNECTION_RESET',
              `the server reset the connection (reply so far ${quote()})`,
              'transfer',
            ),
          );
        } else {
          reject(
            new ProbeFailure(
              'ASSERTION_FAILED',
              `the server closed the connection; reply ${quote()} did not contain ${wanted}`,
              'transfer',
            ),
          );
        }
      }),
    );
  });
}

/** Validation has compiled the expression already; one that still does not compile is the engine's fault. */
function regexMatcher(source: RegexSource): (text: string) => boolean {
  const compiled = compileRegex(source);
  if (!compiled.ok)
    throw new ProbeFailure(
      'INTERNAL',
      `the expected reply pattern does not compile: ${compiled.reason}`,
      'setup',
    );
  return (text) => compiled.regex.test(text);
}
