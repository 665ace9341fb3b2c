/**
 * The longest SNS subject Lookout sends. SNS requires subjects "less than 100 characters", ASCII, with no line
 * breaks or control characters.
 */
export const subjectMaxChars = 99;

/** The longest SMS line Lookout sends: one SMS segment of ASCII text. */
export const smsMaxChars = 140;

/** The ASCII ellipsis that marks shortened one-line text. */
export const asciiEllipsis = '...';

/**
 * Turns text into one line of printable ASCII: accents dropped (`é` → `e`), line breaks, tabs and control
 * characters turned into spaces, whitespace runs collapsed, any other non-ASCII character shown as `?`.
 */
export function toAsciiLine(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\p{Cc}\p{Z}\u2028\u2029]+/gu, ' ')
    .replace(/[^\x20-\x7e]/gu, '?')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * Shortens text to at most `maxChars` characters, ending a shortened text with `ellipsis`; cuts at a space
 * when one is close to the end, so words are not split needlessly.
 */
export function truncateText(text: string, maxChars: number, ellipsis = asciiEllipsis): string {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  const room = Math.max(0, maxChars - Array.from(ellipsis).length);
  const kept = chars.slice(0, room);
  const lastSpace = kept.lastIndexOf(' ');
  const cutAt = lastSpace > 0 && lastSpace >= room - 12 ? lastSpace : room;
  return `${kept.slice(0, cutAt).join('').trimEnd()}${ellipsis}`;
}
