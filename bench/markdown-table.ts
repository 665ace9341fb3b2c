/** A GitHub-flavoured Markdown table; the first `leftColumns` columns are left-aligned, the rest right-aligned. */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  leftColumns = 1,
): string {
  const alignment = headers.map((_, index) => (index < leftColumns ? ':--' : '--:'));
  return [headers, alignment, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** A number with `digits` decimals, or `—` when it is not finite. */
export function formatNumber(value: number | undefined, digits: number): string {
  return value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : '—';
}

/** `ours / theirs` with two decimals and `×`, or `—` when either is missing or not positive. */
export function formatRatio(ours: number | undefined, theirs: number | undefined): string {
  if (ours === undefined || theirs === undefined || !(ours > 0) || !(theirs > 0)) return '—';
  return `${(ours / theirs).toFixed(2)}×`;
}
