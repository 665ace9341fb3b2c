import { escapeMarkup as e } from './escape-markup';
import { availabilityPercent, formatAvailability, formatLatency } from './format-status-text';
import type { CheckState, StatusPageCheck, UptimeWindow } from './status-page-data';
import type { BadgeKind } from './status-page-files';
import { checkStateLabels, partialDayPercent } from './status-summary';

/**
 * Widths of Verdana at 11 px (the badges' font, as shields.io draws them), in pixels, for the characters badges
 * mostly hold. Approximate: a badge only needs its boxes about as wide as its text, with no font file at hand.
 */
const verdana11Widths: Record<string, number> = {
  ' ': 3.9,
  '!': 4.3,
  '%': 11.7,
  '(': 4.5,
  ')': 4.5,
  ',': 3.9,
  '-': 4.5,
  '.': 3.9,
  '/': 4.5,
  ':': 4.5,
  _: 7,
  '0': 7,
  '1': 7,
  '2': 7,
  '3': 7,
  '4': 7,
  '5': 7,
  '6': 7,
  '7': 7,
  '8': 7,
  '9': 7,
  A: 7.5,
  B: 7.6,
  C: 7.7,
  D: 8.5,
  E: 7,
  F: 6.3,
  G: 8.5,
  H: 8.3,
  I: 4.6,
  J: 5,
  K: 7.6,
  L: 6.1,
  M: 9.3,
  N: 8.2,
  O: 8.7,
  P: 6.6,
  Q: 8.7,
  R: 7.7,
  S: 7.5,
  T: 6.8,
  U: 8.1,
  V: 7.5,
  W: 10.9,
  X: 7.5,
  Y: 6.8,
  Z: 7.5,
  a: 6.6,
  b: 6.9,
  c: 5.7,
  d: 6.9,
  e: 6.6,
  f: 3.9,
  g: 6.9,
  h: 7,
  i: 3,
  j: 3.8,
  k: 6.5,
  l: 3,
  m: 10.7,
  n: 7,
  o: 6.7,
  p: 6.9,
  q: 6.9,
  r: 4.7,
  s: 5.7,
  t: 4.3,
  u: 7,
  v: 6.5,
  w: 9,
  x: 6.5,
  y: 6.5,
  z: 5.8,
};

/** The width of a character not in the table: wide, so that unknown text never overflows its box. */
const otherCharacterWidth = 11;

/** Space between a box's edge and its text, each side. */
const paddingPx = 6;

/** The text's approximate width in Verdana 11 px. */
export function badgeTextWidth(text: string): number {
  let width = 0;
  for (const character of text) width += verdana11Widths[character] ?? otherCharacterWidth;
  return Math.ceil(width);
}

/** Badge colours; white text on each is at least 4.5:1. */
const colors = {
  label: '#4b5563',
  good: '#15803d',
  partial: '#b45309',
  major: '#b91c1c',
  info: '#1d4ed8',
  neutral: '#4b5563',
} as const;

const stateColors: Record<CheckState, string> = {
  up: colors.good,
  down: colors.major,
  degraded: colors.partial,
  pending: colors.neutral,
  maintenance: colors.info,
};

/** The uptime from which an uptime badge is green (amber from 99%, red below). */
const goodUptimePercent = 99.9;

/**
 * A shields-style badge: a grey box with `label`, a coloured box with `message`, each as wide as its text; an
 * accessible image (`role="img"`, `aria-label` and `<title>` saying `title`) with every text escaped.
 *
 * @param title what the badge says in words, such as `Orders API status: up`
 */
export function renderBadge(label: string, message: string, color: string, title: string): string {
  const labelWidth = badgeTextWidth(label) + 2 * paddingPx;
  const messageWidth = badgeTextWidth(message) + 2 * paddingPx;
  const width = labelWidth + messageWidth;
  const text = e(title);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${text}">
<title>${text}</title>
<clipPath id="round"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#round)"><rect width="${labelWidth}" height="20" fill="${colors.label}"/><rect x="${labelWidth}" width="${messageWidth}" height="20" fill="${color}"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="${labelWidth / 2}" y="14">${e(label)}</text>
<text x="${labelWidth + messageWidth / 2}" y="14">${e(message)}</text>
</g>
</svg>
`;
}

/**
 * A check's badge of a kind: `status | up`, `uptime 30d | 99.95%`, `latency p50 24h | 87 ms`; its title names the
 * check (`Orders API status: up`).
 */
export function renderCheckBadge(check: StatusPageCheck, badge: BadgeKind): string {
  const badgeOf = (label: string, message: string, color: string) =>
    renderBadge(label, message, color, `${check.name} ${label}: ${message}`);
  if (badge === 'status')
    return badgeOf('status', checkStateLabels[check.state].toLowerCase(), stateColors[check.state]);
  if (badge === 'latency') {
    const latency = check.latency;
    return latency === undefined
      ? badgeOf('latency p50 24h', 'no data', colors.neutral)
      : badgeOf('latency p50 24h', formatLatency(latency.p50Ms), colors.info);
  }
  const window = badge.slice('uptime-'.length) as UptimeWindow;
  const tally = check.uptime[window];
  const percent = availabilityPercent(tally);
  const color =
    percent === undefined
      ? colors.neutral
      : percent >= goodUptimePercent
        ? colors.good
        : percent >= partialDayPercent
          ? colors.partial
          : colors.major;
  return badgeOf(`uptime ${window}`, formatAvailability(tally), color);
}
