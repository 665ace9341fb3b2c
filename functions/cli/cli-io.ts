/** A stream the CLI writes text to. */
export interface CliOutput {
  /** Writes text as is. */
  write(text: string): unknown;
  /** Whether the stream is a terminal; colours are used only on a terminal. */
  isTTY?: boolean;
  /**
   * The terminal's width in columns, read at each write (it changes when the window is resized).
   * @default 80 on a terminal
   */
  columns?: number;
  /**
   * The terminal's height in rows.
   * @default no limit
   */
  rows?: number;
}

/** What the CLI reads from and writes to: injected, so that the commands stay testable. */
export interface CliIo {
  /** Results and usage asked for with `--help`. */
  stdout: CliOutput;
  /** Problems, errors and usage after a mistake. */
  stderr: CliOutput;
  /** The environment: colour settings and `LOOKOUT_SECRET_*` variables. */
  env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths are resolved from. */
  cwd: string;
  /**
   * Resolves when the user asks a long-running command (`lookout run`) to stop: Ctrl-C or SIGTERM.
   * @default never
   */
  stopRequested?: Promise<void>;
}

/** How the CLI ends: 0 every check passed, 1 a check failed, 2 the checks could not be run. */
export type ExitCode = 0 | 1 | 2;
