import type { ResolvedCheck } from './resolve/resolved-monitor';

/** What a check probes, as messages show it: the URL, or `host:port` (a heartbeat: `ping/<id>`, where it pings). */
export function checkTarget(check: ResolvedCheck): string {
  if (check.kind === 'heartbeat') return `ping/${check.id}`;
  return check.kind === 'http' ? check.url : `${check.host}:${check.port}`;
}
