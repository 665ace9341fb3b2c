import type { ProbeResult } from '../core/probe-result';
import type { Palette } from './terminal-colors';

type Alignment = 'left' | 'right';

interface Cell {
  text: string;
  paint?: (text: string) => string;
}

const columns: ReadonlyArray<{ header: string; align: Alignment }> = [
  { header: 'check', align: 'left' },
  { header: 'result', align: 'left' },
  { header: 'status', align: 'right' },
  { header: 'total', align: 'right' },
  { header: 'dns', align: 'right' },
  { header: 'connect', align: 'right' },
  { header: 'tls', align: 'right' },
  { header: 'ttfb', align: 'right' },
  { header: 'transfer', align: 'right' },
  { header: 'error', align: 'left' },
];

/** The word shown in the result column: `PASS`, `DEGRADED` (passed, but slow) or `FAIL`. */
export function resultLabel(result: ProbeResult): 'PASS' | 'DEGRADED' | 'FAIL' {
  if (!result.ok) return 'FAIL';
  return result.degraded ? 'DEGRADED' : 'PASS';
}

/**
 * A table with one row per result: check, result, HTTP status, total and phase latencies
 * (milliseconds, rounded) and the error code and message; each failed assertion's message
 * (what was seen, and what was expected) is listed under its row. Ends with a newline.
 */
export function formatResultsTable(results: readonly ProbeResult[], palette: Palette): string {
  const rows = results.map((result) => toCells(result, palette));
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...rows.map((row) => row[index]?.text.length ?? 0)),
  );
  const headerLine = renderLine(
    columns.map((column) => ({ text: column.header, paint: palette.dim })),
    widths,
  );
  const lines = [headerLine];
  results.forEach((result, index) => {
    lines.push(renderLine(rows[index] ?? [], widths));
    for (const outcome of result.assertions) {
      if (!outcome.passed) lines.push(`  ${palette.red('✗')} ${outcome.message}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

function toCells(result: ProbeResult, palette: Palette): Cell[] {
  const label = resultLabel(result);
  const labelPaint = label === 'PASS' ? palette.green : label === 'DEGRADED' ? palette.yellow : palette.red;
  const error = result.error ? `${result.error.code} ${describeResultError(result)}` : '';
  return [
    { text: result.checkId, paint: palette.bold },
    { text: label, paint: labelPaint },
    { text: result.status === undefined ? '-' : String(result.status) },
    { text: formatMs(result.totalMs) },
    { text: formatMs(result.phases.dnsMs) },
    { text: formatMs(result.phases.connectMs) },
    { text: formatMs(result.phases.tlsMs) },
    { text: formatMs(result.phases.ttfbMs) },
    { text: formatMs(result.phases.transferMs) },
    { text: error, paint: palette.red },
  ];
}

/** A failed result's error message; for failed assertions a count, since each one is listed under the row. */
function describeResultError(result: ProbeResult): string {
  if (result.error?.code !== 'ASSERTION_FAILED') return result.error?.message ?? '';
  const failed = result.assertions.filter((outcome) => !outcome.passed).length;
  if (failed === 0) return result.error.message;
  return `${failed} of ${result.assertions.length} ${result.assertions.length === 1 ? 'assertion' : 'assertions'} failed`;
}

function renderLine(cells: readonly Cell[], widths: readonly number[]): string {
  const rendered = cells.map((cell, index) => {
    const width = widths[index] ?? 0;
    const isLast = index === cells.length - 1;
    const aligned = columns[index]?.align === 'right' ? cell.text.padStart(width) : cell.text.padEnd(width);
    const text = isLast ? cell.text : aligned;
    return cell.paint && text.trim() !== '' ? paintKeepingPadding(text, cell.paint) : text;
  });
  return rendered.join('  ').trimEnd();
}

/** Paints only the visible text, so that padding stays outside the escape codes. */
function paintKeepingPadding(text: string, paint: (text: string) => string): string {
  const match = /^(\s*)(.*?)(\s*)$/s.exec(text);
  if (!match) return paint(text);
  const [, leading = '', visible = '', trailing = ''] = match;
  return `${leading}${paint(visible)}${trailing}`;
}

function formatMs(durationMs: number): string {
  return `${Math.round(durationMs)}ms`;
}
