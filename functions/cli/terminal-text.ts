// Measuring and cutting text for a terminal: the columns it takes, without colours, and fitting it to a width.
const escapeChar = String.fromCharCode(0x1b);

/** The rest of an ANSI escape sequence after its escape character (colours, cursor moves): no column. */
const ansiSequenceRest = /\[[0-9;?]*[A-Za-z]/y;

/** The ANSI escape sequence starting at `index` of `text`, if one does. */
function ansiSequenceAt(text: string, index: number): string | undefined {
  if (text[index] !== escapeChar) return undefined;
  ansiSequenceRest.lastIndex = index + 1;
  const rest = ansiSequenceRest.exec(text);
  return rest === null ? undefined : escapeChar + rest[0];
}

/** The columns a character takes: 0 for combining marks, 2 for East Asian wide ones and emoji, else 1. */
function charColumns(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (/\p{Mn}|\p{Me}|\p{Cf}/u.test(char)) return 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

/** The columns `text` takes on a terminal: its characters, without ANSI escape sequences. */
export function visibleWidth(text: string): number {
  let width = 0;
  for (let index = 0; index < text.length; ) {
    const sequence = ansiSequenceAt(text, index);
    if (sequence !== undefined) {
      index += sequence.length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(index) ?? 0);
    width += charColumns(char);
    index += char.length;
  }
  return width;
}

/**
 * `text` cut to at most `columns` columns, ANSI escape sequences kept (and colours reset after a cut inside
 * one), ending with `…` when cut.
 */
export function fitToWidth(text: string, columns: number): string {
  if (visibleWidth(text) <= columns) return text;
  if (columns <= 0) return '';
  let width = 0;
  let kept = '';
  let coloured = false;
  for (let index = 0; index < text.length; ) {
    const sequence = ansiSequenceAt(text, index);
    if (sequence !== undefined) {
      kept += sequence;
      coloured = sequence !== `${escapeChar}[0m` && sequence.endsWith('m');
      index += sequence.length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(index) ?? 0);
    const charWidth = charColumns(char);
    if (width + charWidth > columns - 1) break;
    kept += char;
    width += charWidth;
    index += char.length;
  }
  return `${kept}…${coloured ? `${escapeChar}[0m` : ''}`;
}

/**
 * Plain text (no escape sequences) cut to at most `columns` columns by taking out its middle, so that both
 * its start (what happened) and its end (often what to do: a variable to set, a limit to raise) stay:
 * `INTERNAL: could not read secret … set the environment variable LOOKOUT_SECRET_X)`. A third of the room
 * goes to the start, the rest to the end; each cut falls between words when one is near.
 */
export function fitKeepingEnd(text: string, columns: number): string {
  if (visibleWidth(text) <= columns) return text;
  if (columns <= 1) return columns === 1 ? '…' : '';
  const chars = Array.from(text);
  const headColumns = Math.floor((columns - 1) / 3);
  const head = snapToWord(takeColumns(chars, headColumns), 'end');
  const tail = snapToWord(
    takeColumns([...chars].reverse(), columns - 1 - visibleWidth(head.join(''))).reverse(),
    'start',
  );
  return `${head.join('').trimEnd()}…${tail.join('').trimStart()}`;
}

/** The first characters of `chars` that fit in `columns`. */
function takeColumns(chars: readonly string[], columns: number): string[] {
  const taken: string[] = [];
  let width = 0;
  for (const char of chars) {
    const charWidth = charColumns(char);
    if (width + charWidth > columns) break;
    taken.push(char);
    width += charWidth;
  }
  return taken;
}

/** Drops a word cut in two at the `end` (or `start`) of a piece, when that loses at most a quarter of it. */
function snapToWord(piece: string[], side: 'start' | 'end'): string[] {
  const spaces = piece.flatMap((char, index) => (char === ' ' ? [index] : []));
  if (spaces.length === 0) return piece;
  const cutAt = side === 'end' ? (spaces.at(-1) as number) + 1 : (spaces[0] as number);
  const lost = side === 'end' ? piece.length - cutAt : cutAt;
  if (lost > piece.length / 4) return piece;
  return side === 'end' ? piece.slice(0, cutAt) : piece.slice(cutAt);
}

/** Text from a target or an error made safe for a terminal: control characters (escapes, newlines) become spaces. */
export function printable(text: string): string {
  let shown = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    shown += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? ' ' : char;
  }
  return shown;
}
