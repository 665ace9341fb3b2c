import type { ResolvedMonitor } from '../core/resolve/resolved-monitor';
import type { StatusPageData } from '../core/status-page/status-page-data';
import {
  buildStatusPageData,
  type StatusPageRequest,
  type StatusPageStore,
} from '../runtime/build-status-page';

/** The title of the local page of a monitor that declares no status page. */
export const localStatusPageTitle = 'Lookout (local)';

/** How often the local page reloads itself: the local monitor's data moves every round. */
export const localStatusPageReloadMs = 10_000;

/**
 * What `lookout run` serves: the declared status page as it will be published (its title, its listed checks,
 * what it shows), or, without one, every check, its target and its errors (the page is on 127.0.0.1, private)
 * under "Lookout (local)".
 */
export function localStatusPageRequest(monitor: ResolvedMonitor): StatusPageRequest {
  const page = monitor.statusPage;
  return page === undefined
    ? {
        title: localStatusPageTitle,
        checkIds: monitor.checks.map((check) => check.id),
        show: { targets: true, errors: true },
        reloadEveryMs: localStatusPageReloadMs,
      }
    : { title: page.title, checkIds: page.checks, show: page.show, reloadEveryMs: localStatusPageReloadMs };
}

/** The local page's data, read from the local store when asked for. */
export function localStatusPageData(
  store: () => StatusPageStore,
  monitor: ResolvedMonitor,
  now: () => number = Date.now,
): () => Promise<StatusPageData> {
  const request = localStatusPageRequest(monitor);
  return () => buildStatusPageData(store(), monitor, now(), request);
}
