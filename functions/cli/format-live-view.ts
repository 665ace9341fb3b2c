import type { LookoutEvent } from '../core/alerting/lookout-event';
import type { CheckStateLabel, CheckView } from './check-view';
import type { Palette } from './terminal-colors';

const stateColors: Record<CheckStateLabel, keyof Palette> = {
  PENDING: 'dim',
  UP: 'green',
  FAILING: 'yellow',
  DOWN: 'red',
  DEGRADED: 'yellow',
};

/** One line per check: state, id, latency, last probe time, and the error or what fires. */
export function formatCheckLine(view: CheckView, palette: Palette): string {
  const state = palette[stateColors[view.state]](view.state.padEnd(8));
  const result = view.lastResult;
  const latency = result === undefined ? '' : `${Math.round(result.totalMs)} ms`.padStart(8);
  const at = result === undefined ? '' : result.startedAt.slice(11, 19);
  const problem = result?.error ? `${result.error.code}: ${result.error.message}` : '';
  const firing = view.firing.length > 0 ? palette.red(` [${view.firing.join(', ')}]`) : '';
  return `${state} ${view.id.padEnd(24)} ${latency} ${at}  ${truncate(problem, 90)}${firing}`.trimEnd();
}

/** An alert as the local monitor prints it. */
export function formatAlertLine(event: LookoutEvent, palette: Palette): string {
  const color =
    event.type === 'resolved' ? palette.green : event.severity === 'critical' ? palette.red : palette.yellow;
  const label = `${event.type.toUpperCase()} ${event.kind}`;
  return `${event.at.slice(11, 19)} ${color(`ALERT ${label}`)} ${event.summary}`;
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
