/** Stops the bench's child processes however the bench ends: normal exit, error, Ctrl-C, or a deadline. */

const stoppers = new Set<() => void>();
let installed = false;

/** Stops every registered child now (synchronously sends the signals); safe to call more than once. */
export function stopAllChildren(): void {
  for (const stop of stoppers) {
    try {
      stop();
    } catch {
      // Already gone.
    }
  }
  stoppers.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', stopAllChildren);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stopAllChildren();
      process.exit(130);
    });
  }
}

/** Registers a synchronous stop function, run on exit; returns a function that unregisters it. */
export function onExitStop(stop: () => void): () => void {
  install();
  stoppers.add(stop);
  return () => stoppers.delete(stop);
}

/** Exits the bench with an error once `deadlineMs` has passed, stopping the children. Does not keep it alive. */
export function exitAfter(deadlineMs: number): void {
  setTimeout(() => {
    console.error(`bench: deadline of ${Math.round(deadlineMs / 1000)} s passed, stopping.`);
    stopAllChildren();
    process.exit(2);
  }, deadlineMs).unref();
}

/**
 * Runs a bench entry point: reports a failure with exit code 1, then stops every child process and
 * exits (keep-alive sockets to the exporter would otherwise hold the event loop open).
 */
export function runToCompletion(main: () => Promise<void>): void {
  main()
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => {
      stopAllChildren();
      process.exit();
    });
}
