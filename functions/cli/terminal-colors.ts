/** Wraps text in an ANSI colour, or returns it unchanged when colours are off. */
export type Paint = (text: string) => string;

/** The colours the CLI uses. */
export interface Palette {
  /** Passing results. */
  green: Paint;
  /** Failing results and failed assertions. */
  red: Paint;
  /** Degraded results. */
  yellow: Paint;
  /** Headers and secondary text. */
  dim: Paint;
  /** Emphasis. */
  bold: Paint;
}

/**
 * Whether to colour output, following the NO_COLOR and FORCE_COLOR conventions:
 * a non-empty `NO_COLOR` turns colours off; otherwise `FORCE_COLOR` set to `0` or `false` turns them off
 * and any other non-empty value turns them on; otherwise colours are used on a terminal unless `TERM=dumb`.
 */
export function shouldUseColor(isTty: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR) return false;
  const forceColor = env.FORCE_COLOR;
  if (forceColor !== undefined && forceColor !== '') return forceColor !== '0' && forceColor !== 'false';
  return isTty && env.TERM !== 'dumb';
}

function ansi(open: number, close: number): Paint {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const identity: Paint = (text) => text;

/** A palette that colours when `enabled`, and leaves text unchanged otherwise. */
export function createPalette(enabled: boolean): Palette {
  if (!enabled) return { green: identity, red: identity, yellow: identity, dim: identity, bold: identity };
  return {
    green: ansi(32, 39),
    red: ansi(31, 39),
    yellow: ansi(33, 39),
    dim: ansi(2, 22),
    bold: ansi(1, 22),
  };
}
