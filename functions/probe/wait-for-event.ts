import type { EventEmitter } from 'node:events';
import type { ProbeFailure } from './probe-failure';

/**
 * Resolves on `event`; rejects with `toFailure(error)` on `'error'`, or `toFailure()` on `'close'`.
 * Removes all three listeners once settled, so a socket that lives on (or closes normally later)
 * builds no failure nobody will read.
 */
export function waitForEvent(
  emitter: EventEmitter,
  event: string,
  toFailure: (error?: NodeJS.ErrnoException) => ProbeFailure,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onEvent = () => {
      removeListeners();
      resolve();
    };
    const onError = (error: NodeJS.ErrnoException) => {
      removeListeners();
      reject(toFailure(error));
    };
    const onClose = () => {
      removeListeners();
      reject(toFailure());
    };
    const removeListeners = () => {
      emitter.off(event, onEvent);
      emitter.off('error', onError);
      emitter.off('close', onClose);
    };
    emitter.once(event, onEvent);
    emitter.once('error', onError);
    emitter.once('close', onClose);
  });
}
