import type { ErrorCode } from '../core/probe-result';

const resetCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const unreachableCodes = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);

/** Whether a socket error means the peer reset the connection. */
export function isResetError(error: NodeJS.ErrnoException | undefined): boolean {
  return error?.code !== undefined && resetCodes.has(error.code);
}

/** The code and wording for an error while establishing a TCP connection. */
export function classifyConnectError(
  error: NodeJS.ErrnoException,
  target: string,
): { code: ErrorCode; message: string } {
  if (error.code === 'ECONNREFUSED')
    return { code: 'CONNECT_REFUSED', message: `connection to ${target} refused` };
  if (error.code === 'ETIMEDOUT')
    return { code: 'CONNECT_TIMEOUT', message: `connection to ${target} timed out` };
  if (error.code !== undefined && unreachableCodes.has(error.code)) {
    return { code: 'CONNECT_REFUSED', message: `${target} is unreachable (${error.code})` };
  }
  if (isResetError(error))
    return { code: 'CONNECTION_RESET', message: `connection to ${target} was reset while connecting` };
  return {
    code: 'CONNECT_REFUSED',
    message: `could not connect to ${target} (${error.code ?? error.message})`,
  };
}
