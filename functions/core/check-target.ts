import type { ResolvedCheck } from './resolve/resolved-monitor';

/** What a check probes, as messages show it: the URL, or `host:port`. */
export function checkTarget(check: ResolvedCheck): string {
  return check.kind === 'http' ? check.url : `${check.host}:${check.port}`;
}
