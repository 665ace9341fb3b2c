/**
 * The status page's only style sheet and script, inlined (no fonts, scripts or CDNs: the page works offline and from
 * a bucket) and allowed by hash in the page's Content-Security-Policy, which allows nothing else.
 *
 * Widths: one column of at most 60rem; everything wraps (`overflow-wrap: anywhere` for names, URLs and errors),
 * so neither 390 px nor 1280 px scrolls sideways. Below 40rem the bars show the last 30 days, as wide as they can.
 * A bar's words are its screen-reader text and, on hover, its tooltip (one copy of the text, not a `title` too: the
 * page for 100 checks is about 1 MB, 30 KB compressed).
 * Colours: text at 4.5:1 or more on its background; the bars' colours at 3:1 or more on white, each level also at
 * its own height and named in words.
 */
export const statusPageCss = `:root{color-scheme:light;--fg:#111827;--muted:#4b5563;--line:#d1d5db;--panel:#f9fafb;--good:#15803d;--partial:#b45309;--major:#b91c1c;--maintenance:#1d4ed8;--none:#6b7280}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:#fff}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
h1,h2,h3,p,li,dd{overflow-wrap:anywhere}
a{color:#1d4ed8}
.page-header{border-bottom:1px solid var(--line);background:var(--panel);padding:1rem 0}
.page-header h1{font-size:1.5rem;margin:0}
.muted{color:var(--muted)}
.small{font-size:.875rem}
main section{margin:1.5rem 0}
h2{font-size:1.25rem;margin:0 0 .75rem}
h3{font-size:1.0625rem;margin:0}
.banner{border:1px solid var(--line);border-left:.5rem solid var(--none);border-radius:.5rem;padding:1rem;background:var(--panel)}
.banner h2{margin:0}
.banner ul{margin:.5rem 0 0;padding-left:1.25rem}
.banner-operational{border-left-color:var(--good);background:#f0fdf4}
.banner-degraded{border-left-color:var(--partial);background:#fffbeb}
.banner-down{border-left-color:var(--major);background:#fef2f2}
.banner-maintenance{border-left-color:var(--maintenance);background:#eff6ff}
.plain{list-style:none;margin:0;padding:0}
.card{border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:0 0 1rem}
.card-critical{border-left:.375rem solid var(--major)}
.card-warning{border-left:.375rem solid var(--partial)}
.card-info,.card-maintenance{border-left:.375rem solid var(--maintenance)}
.head{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:.25rem 1rem}
.state{margin:0;font-weight:600}
.state-up{color:var(--good)}
.state-down{color:var(--major)}
.state-degraded{color:var(--partial)}
.state-pending{color:var(--muted)}
.state-maintenance{color:var(--maintenance)}
.tag{display:inline-block;border:1px solid currentColor;border-radius:.25rem;padding:0 .375rem;font-size:.8125rem;font-weight:600;margin-right:.375rem}
.tag-critical{color:var(--major)}
.tag-warning{color:var(--partial)}
.tag-info{color:var(--maintenance)}
.detail{margin:.25rem 0 0;font-size:.875rem}
.error{color:var(--major)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8125rem}
.bars{position:relative;display:flex;align-items:flex-end;gap:1px;height:2.5rem;list-style:none;margin:.75rem 0 .25rem;padding:0}
.bar{flex:1 1 0;min-width:0;border-radius:1px}
.bar-good{height:100%;background:var(--good)}
.bar-partial{height:70%;background:var(--partial)}
.bar-major{height:40%;background:var(--major)}
.bar-none{height:12%;background:var(--none)}
.bar-incident{box-shadow:inset 0 2px 0 var(--fg)}
.axis{display:flex;justify-content:space-between;gap:.5rem;font-size:.8125rem;color:var(--muted)}
.axis-30{display:none}
.stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(7.5rem,1fr));gap:.5rem 1rem;margin:.75rem 0 0}
.stats div{min-width:0}
.stats dt{font-size:.8125rem;color:var(--muted)}
.stats dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.875rem;color:var(--muted);margin:0 0 1rem;padding:0;list-style:none}
.legend li{display:flex;align-items:flex-end;gap:.375rem}
.legend .bar{flex:none;width:.5rem;display:inline-block}
.legend .swatch{height:1rem;display:flex;align-items:flex-end}
.events{margin:.5rem 0 0;padding-left:1.25rem;font-size:.875rem}
footer{border-top:1px solid var(--line);margin-top:2rem;padding:1rem 0 2rem;font-size:.875rem;color:var(--muted)}
.sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.bar:hover>.sr{clip:auto;width:auto;height:auto;margin:0;overflow:visible;white-space:normal;left:0;bottom:calc(100% + .25rem);max-width:100%;padding:.25rem .5rem;border-radius:.25rem;background:var(--fg);color:#fff;font-size:.8125rem;z-index:1}
@media (max-width:40rem){.bar-older{display:none}.bars{gap:2px}.axis-90{display:none}.axis-30{display:inline}}
`;

/**
 * Turns every `<time datetime>` into the reader's time zone (keeping the UTC text as its tooltip), keeps every
 * `data-span-since` span counting ("down for 4m"), and reloads the page after `<html data-reload-ms>`, while the
 * tab is visible. The page reads the same without it, in UTC, as of when it was made. `span` formats as
 * `formatSpanMs` does (a test holds them equal).
 */
export const statusPageScript = `(function () {
  var second = 1e3, minute = 6e4, hour = 36e5, day = 864e5;
  function two(major, majorUnit, minor, minorUnit) {
    return minor === 0 ? major + majorUnit : major + majorUnit + ' ' + minor + minorUnit;
  }
  function span(ms) {
    ms = Math.max(0, Math.floor(ms));
    if (ms < minute) return Math.floor(ms / second) + 's';
    if (ms < hour) return Math.floor(ms / minute) + 'm';
    if (ms < day) return two(Math.floor(ms / hour), 'h', Math.floor((ms % hour) / minute), 'm');
    return two(Math.floor(ms / day), 'd', Math.floor((ms % day) / hour), 'h');
  }
  if (typeof document === 'undefined') return span;
  var local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  function refresh() {
    var now = Date.now();
    document.querySelectorAll('time[datetime]').forEach(function (element) {
      var at = Date.parse(element.getAttribute('datetime'));
      if (isNaN(at)) return;
      if (!element.title) element.title = element.textContent;
      element.textContent = local.format(at);
    });
    document.querySelectorAll('[data-span-since]').forEach(function (element) {
      var since = Date.parse(element.getAttribute('data-span-since'));
      if (!isNaN(since)) element.textContent = span(now - since);
    });
  }
  refresh();
  setInterval(refresh, 30e3);
  var reloadMs = Number(document.documentElement.getAttribute('data-reload-ms'));
  if (reloadMs > 0) {
    setInterval(function () {
      if (document.visibilityState === 'visible') location.reload();
    }, reloadMs);
  }
})();`;
