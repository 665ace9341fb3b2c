import { createHash } from 'node:crypto';
import { formatSpanMs } from '../messages/format-span';
import { escapeMarkup as e } from './escape-markup';
import {
  countOf,
  formatAvailability,
  formatLatency,
  isoTime,
  utcDate,
  utcDateTime,
} from './format-status-text';
import { statusPageCss, statusPageScript } from './status-page-assets';
import {
  type DayBar,
  type Incident,
  type StatusPageCheck,
  type StatusPageData,
  statusPageDefaults,
  uptimeWindows,
  visibilityOf,
} from './status-page-data';
import { anchorId, statusPageFiles } from './status-page-files';
import {
  certificateDaysLeft,
  checkStateLabels,
  dayLevel,
  incidentKindLabels,
  listedIncidents,
  listedMaintenance,
  type OverallStatus,
  overallSummary,
} from './status-summary';

/** How many of the last days the bars show on a narrow screen (below 40rem). */
const narrowDayCount = 30;

const overallHeadings: Record<OverallStatus, string> = {
  operational: 'All systems operational',
  down: 'Some checks are down',
  degraded: 'Some checks are degraded',
  maintenance: 'Maintenance in progress',
  pending: 'Waiting for the first probes',
};

/** A glyph beside each state's word (decoration: the word is the signal). */
const stateIcons: Record<StatusPageCheck['state'] | OverallStatus, string> = {
  up: '✓',
  operational: '✓',
  down: '✕',
  degraded: '!',
  pending: '…',
  maintenance: '⚙',
};

/**
 * The status page: one self-contained HTML document (inline style and script, allowed by hash in its
 * Content-Security-Policy, which allows nothing else; no request leaves the page). Every text that came from a user
 * or a target is escaped. It reads completely without its script, times in UTC as of `data.nowMs`.
 */
export function renderStatusHtml(data: StatusPageData): string {
  const overall = overallSummary(data.checks);
  const incidents = listedIncidents(data);
  const open = incidents.filter((incident) => incident.resolvedAtMs === undefined);
  const past = incidents.filter((incident) => incident.resolvedAtMs !== undefined);
  const reloadMs = data.reloadEveryMs ?? statusPageDefaults.reloadEveryMs;
  const policy = [
    "default-src 'none'",
    `style-src '${sha256(statusPageCss)}'`,
    `script-src '${sha256(statusPageScript)}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en" data-reload-ms="${Math.max(0, Math.round(reloadMs))}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<title>${e(data.title)}: ${overallHeadings[overall.status]}</title>
<link rel="alternate" type="application/atom+xml" title="${e(data.title)}: incidents" href="${statusPageFiles.feed}">
<link rel="alternate" type="application/json" href="${statusPageFiles.json}">
<style>${statusPageCss}</style>
</head>
<body>
<header class="page-header"><div class="wrap">
<h1>${e(data.title)}</h1>
<p class="muted small">Updated ${time(data.nowMs)}</p>
</div></header>
<main class="wrap">
${banner(data, overall.status, overall.affected)}
${open.length > 0 ? `<section aria-labelledby="open-incidents"><h2 id="open-incidents">Open incidents</h2>\n<ol class="plain">\n${open.map((incident) => incidentItem(data, incident)).join('\n')}\n</ol></section>` : ''}
${maintenanceSection(data)}
<section aria-labelledby="checks"><h2 id="checks">Checks</h2>
${legend()}
<ul class="plain">
${data.checks.map((check) => checkItem(data, check)).join('\n')}
</ul></section>
<section aria-labelledby="past-incidents"><h2 id="past-incidents">Past incidents</h2>
${past.length > 0 ? `<ol class="plain">\n${past.map((incident) => incidentItem(data, incident)).join('\n')}\n</ol>` : '<p class="muted">No incidents recorded.</p>'}
</section>
</main>
<footer><div class="wrap">
<p>Times are UTC unless your browser shows them in your time zone. Also as <a href="${statusPageFiles.json}">JSON</a> and an <a href="${statusPageFiles.feed}">incident feed (Atom)</a>. Monitored by Lookout.</p>
</div></footer>
<script>${statusPageScript}</script>
</body>
</html>
`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** An instant: UTC text, turned into the reader's time zone by the script. */
function time(atMs: number): string {
  return `<time datetime="${isoTime(atMs)}">${utcDateTime(atMs)}</time>`;
}

/** The span from `sinceMs` to now, kept counting by the script. */
function spanSince(data: StatusPageData, sinceMs: number): string {
  return `<span data-span-since="${isoTime(sinceMs)}">${formatSpanMs(data.nowMs - sinceMs)}</span>`;
}

function banner(data: StatusPageData, status: OverallStatus, affected: StatusPageCheck[]): string {
  const items = affected.map((check) => {
    const since =
      check.sinceMs === undefined
        ? ''
        : ` since ${time(check.sinceMs)} (for ${spanSince(data, check.sinceMs)})`;
    return `<li><a href="#${anchorId('check', check.id)}">${e(check.name)}</a>: ${checkStateLabels[check.state].toLowerCase()}${since}</li>`;
  });
  return `<section class="banner banner-${status}" aria-labelledby="overall"><h2 id="overall"><span aria-hidden="true">${stateIcons[status]}</span> ${overallHeadings[status]}</h2>${items.length > 0 ? `\n<ul>${items.join('')}</ul>` : ''}</section>`;
}

function maintenanceSection(data: StatusPageData): string {
  const entries = listedMaintenance(data);
  if (entries.length === 0) return '';
  const items = entries.map(({ occurrence, checks, inProgress }) => {
    const covered =
      occurrence.checkIds === undefined ? 'All checks' : checks.map((check) => e(check.name)).join(', ');
    const when = inProgress
      ? `In progress since ${time(occurrence.startMs)}, until ${time(occurrence.endMs)}`
      : `Scheduled ${time(occurrence.startMs)} to ${time(occurrence.endMs)}`;
    return `<li class="card card-maintenance"><h3><span class="tag tag-info">${inProgress ? 'Now' : 'Upcoming'}</span>${covered}</h3>
<p class="detail">${when} (${formatSpanMs(occurrence.endMs - occurrence.startMs)})</p>${occurrence.reason === undefined ? '' : `\n<p class="detail">${e(occurrence.reason)}</p>`}</li>`;
  });
  return `<section aria-labelledby="maintenance"><h2 id="maintenance">Maintenance</h2>\n<ul class="plain">\n${items.join('\n')}\n</ul></section>`;
}

function legend(): string {
  const levels: Array<[string, string]> = [
    ['good', '100% up'],
    ['partial', `99% to 99.99%`],
    ['major', 'below 99%'],
    ['none', 'no data'],
  ];
  const items = levels.map(
    ([level, text]) =>
      `<li><span class="swatch" aria-hidden="true"><span class="bar bar-${level}"></span></span>${text}</li>`,
  );
  return `<ul class="legend" aria-label="How to read the daily bars">${items.join('')}<li>A dark top edge marks a day with an incident.</li></ul>`;
}

function checkItem(data: StatusPageData, check: StatusPageCheck): string {
  const show = visibilityOf(data);
  const label = checkStateLabels[check.state];
  const since =
    check.sinceMs === undefined ? '' : ` <span class="muted">for ${spanSince(data, check.sinceMs)}</span>`;
  const lines = [
    `<li class="card" id="${anchorId('check', check.id)}">`,
    `<div class="head"><h3>${e(check.name)}</h3><p class="state state-${check.state}"><span aria-hidden="true">${stateIcons[check.state]}</span> ${label}${since}</p></div>`,
  ];
  if (show.targets) lines.push(`<p class="detail muted">${e(check.target)}</p>`);
  if (show.errors && check.lastError !== undefined && (check.state === 'down' || check.state === 'degraded'))
    lines.push(
      `<p class="detail error"><code>${e(check.lastError.code)}</code> ${e(check.lastError.message)}</p>`,
    );
  lines.push(dayBars(check), stats(data, check), '</li>');
  return lines.join('\n');
}

function dayBars(check: StatusPageCheck): string {
  const total = check.days.reduce(
    (sum, day) => ({ total: sum.total + (day.rounds?.total ?? 0), good: sum.good + (day.rounds?.good ?? 0) }),
    { total: 0, good: 0 },
  );
  const bars = check.days.map((day, index) => {
    const older = index < check.days.length - narrowDayCount ? ' bar-older' : '';
    const marked = day.incidents.length > 0 ? ' bar-incident' : '';
    const text = e(dayText(day));
    return `<li class="bar bar-${dayLevel(day)}${older}${marked}"><span class="sr">${text}</span></li>`;
  });
  const days = check.days.length;
  return `<ol class="bars" aria-label="${e(check.name)}: availability per UTC day, oldest first">${bars.join('')}</ol>
<p class="axis"><span><span class="axis-90">${countOf(days, 'day')} ago</span><span class="axis-30">${countOf(Math.min(days, narrowDayCount), 'day')} ago</span></span><span>${formatAvailability(total)} over ${countOf(days, 'day')}</span><span>Today</span></p>`;
}

/** A day in words, for screen readers and as its tooltip (the same text, shown on hover by the style sheet): `2026-11-24: 99.3% up (1430 of 1440 probes); 1 incident: outage for 10m`. */
function dayText(day: DayBar): string {
  const rounds =
    day.rounds === undefined
      ? 'no data'
      : `${formatAvailability(day.rounds)} up (${day.rounds.good} of ${countOf(day.rounds.total, 'probe')})`;
  const incidents =
    day.incidents.length === 0
      ? ''
      : `; ${countOf(day.incidents.length, 'incident')}: ${day.incidents
          .map(
            (incident) =>
              `${incidentKindLabels[incident.kind].toLowerCase()} for ${formatSpanMs(incident.openMs)}`,
          )
          .join(', ')}`;
  return `${utcDate(day.dayStartMs)}: ${rounds}${incidents}`;
}

function stats(data: StatusPageData, check: StatusPageCheck): string {
  const items = uptimeWindows.map(
    (window) => `<div><dt>Uptime ${window}</dt><dd>${formatAvailability(check.uptime[window])}</dd></div>`,
  );
  const latency = check.latency;
  items.push(
    `<div><dt>Latency p50, 24h</dt><dd>${latency === undefined ? 'no data' : formatLatency(latency.p50Ms)}</dd></div>`,
    `<div><dt>Latency p95, 24h</dt><dd>${latency === undefined ? 'no data' : formatLatency(latency.p95Ms)}</dd></div>`,
  );
  if (check.certificate !== undefined) {
    const { validToMs, warningDays } = check.certificate;
    const daysLeft = certificateDaysLeft(check.certificate, data.nowMs);
    const text =
      validToMs <= data.nowMs
        ? `Expired ${utcDate(validToMs)}`
        : `${countOf(daysLeft, 'day')} left (${utcDate(validToMs)})`;
    const soon = daysLeft <= warningDays ? ' class="error"' : '';
    items.push(
      `<div><dt>Certificate</dt><dd${soon}>${daysLeft <= warningDays ? '! ' : ''}${text}</dd></div>`,
    );
  }
  return `<dl class="stats">${items.join('')}</dl>`;
}

function incidentItem(data: StatusPageData, incident: Incident): string {
  const show = visibilityOf(data);
  const check = data.checks.find((candidate) => candidate.id === incident.checkId);
  const name = check === undefined ? incident.checkId : check.name;
  const events = [`<li>Opened ${time(incident.openedAtMs)}</li>`];
  if (incident.escalatedAtMs !== undefined) events.push(`<li>Escalated ${time(incident.escalatedAtMs)}</li>`);
  events.push(
    incident.resolvedAtMs === undefined
      ? `<li>Open for ${spanSince(data, incident.openedAtMs)}</li>`
      : `<li>Resolved ${time(incident.resolvedAtMs)}, after ${formatSpanMs(incident.resolvedAtMs - incident.openedAtMs)}</li>`,
  );
  const severity = incident.severity;
  const lines = [
    `<li class="card card-${severity}" id="${anchorId('incident', incident.id)}">`,
    `<h3><span class="tag tag-${severity}">${severity[0]?.toUpperCase()}${severity.slice(1)}</span>${incidentKindLabels[incident.kind]}: ${e(name)}</h3>`,
    `<p class="detail">${e(incident.summary)}${incident.duringMaintenance ? ' <span class="muted">(during maintenance)</span>' : ''}</p>`,
  ];
  if (show.errors && incident.lastError !== undefined)
    lines.push(
      `<p class="detail error"><code>${e(incident.lastError.code)}</code> ${e(incident.lastError.message)}</p>`,
    );
  lines.push(`<ul class="events">${events.join('')}</ul>`, '</li>');
  return lines.join('\n');
}
