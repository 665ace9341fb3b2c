import type { CheckView } from './check-view';

const stateColors: Record<CheckView['state'], string> = {
  PENDING: '#6b7280',
  UP: '#15803d',
  FAILING: '#b45309',
  DOWN: '#b91c1c',
  DEGRADED: '#b45309',
};

/** A self-contained HTML status page (refreshes every 10 s); every value is escaped. */
export function renderStatusPage(views: readonly CheckView[]): string {
  const rows = views
    .map((view) => {
      const result = view.lastResult;
      const problem = result?.error ? `${result.error.code}: ${result.error.message}` : '';
      return `<tr><td style="color:${stateColors[view.state]};font-weight:600">${view.state}</td><td>${escapeHtml(view.id)}</td><td>${escapeHtml(view.target)}</td><td>${result ? `${Math.round(result.totalMs)} ms` : ''}</td><td>${escapeHtml(result?.startedAt ?? '')}</td><td>${escapeHtml(problem)}</td><td>${escapeHtml(view.firing.join(', '))}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="10"><title>Lookout (local)</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{padding:.3rem .8rem;border-bottom:1px solid #e5e7eb;text-align:left}td:nth-child(-n+2),td:nth-child(4){white-space:nowrap}</style></head>
<body><h1>Lookout, probing from this machine</h1>
<table><thead><tr><th>State</th><th>Check</th><th>Target</th><th>Latency</th><th>Last probe</th><th>Error</th><th>Alerts</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
