import type { LogEntry } from '../runtime/evaluation-deps';

/** Writes one JSON object per line (CloudWatch Logs parses it), with the time. */
export function jsonLog(entry: LogEntry): void {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === 'error') console.error(line);
  else console.log(line);
}
