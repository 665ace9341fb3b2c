import type { LookoutEvent } from '../core/alerting/lookout-event';
import type { CheckStateLabel, CheckView } from './check-view';
import type { Palette } from './terminal-colors';
import { fitKeepingEnd, fitToWidth, printable, visibleWidth } from './terminal-text';

const stateColors: Record<CheckStateLabel, keyof Palette> = {
  PENDING: 'dim',
  UP: 'green',
  FAILING: 'yellow',
  DOWN: 'red',
  DEGRADED: 'yellow',
};

/** The widest id column the live view pads to; longer ids push their line's other columns right. */
const longestPaddedIdColumns = 32;

/** How far the error's own line is indented, under the check's. */
const problemIndent = '    ';

/** How the lines of one redraw are laid out. */
export interface CheckLineLayout {
  /** The id column's width: the longest id shown (at most 32). */
  idColumns: number;
  /**
   * The terminal's width: every line is fitted to it. An error too long for the check's line goes on a line
   * of its own under it, cut in its middle if need be so that its end (which often names the fix) stays.
   * @default no limit (a pipe: one line per check, with the whole error)
   */
  columns?: number;
}

/** The layout of a block of check lines: ids padded to the longest. */
export function checkLineLayout(views: readonly CheckView[], columns?: number): CheckLineLayout {
  const longestId = Math.max(0, ...views.map((view) => view.id.length));
  return { idColumns: Math.min(longestId, longestPaddedIdColumns), ...(columns ? { columns } : {}) };
}

/**
 * A check's line: state, id, latency, last probe time, the error, and the alerts that fire; on a terminal,
 * two lines when the error does not fit on the first.
 */
export function formatCheckLines(view: CheckView, palette: Palette, layout: CheckLineLayout): string[] {
  const state = palette[stateColors[view.state]](view.state.padEnd(8));
  const result = view.lastResult;
  const latency = result === undefined ? '' : `${Math.round(result.totalMs)} ms`.padStart(8);
  const at = result === undefined ? '' : result.startedAt.slice(11, 19);
  const prefix = `${state} ${view.id.padEnd(layout.idColumns)} ${latency} ${at}`;
  const problem = result?.error ? printable(`${result.error.code}: ${result.error.message}`) : '';
  const firing = view.firing.length > 0 ? palette.red(` [${view.firing.join(', ')}]`) : '';
  const oneLine = `${prefix}  ${problem}${firing}`.trimEnd();
  if (layout.columns === undefined || visibleWidth(oneLine) <= layout.columns) return [oneLine];
  return [
    fitToWidth(`${prefix}${firing}`, layout.columns),
    problemIndent + fitKeepingEnd(problem, layout.columns - problemIndent.length),
  ];
}

/** An alert as the local monitor prints it. */
export function formatAlertLine(event: LookoutEvent, palette: Palette): string {
  const color =
    event.type === 'resolved' ? palette.green : event.severity === 'critical' ? palette.red : palette.yellow;
  const label = `${event.type.toUpperCase()} ${event.kind}`;
  return `${event.at.slice(11, 19)} ${color(`ALERT ${label}`)} ${printable(event.summary)}`;
}
