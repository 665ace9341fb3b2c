import type { AlertState } from '../core/alerting/alert-state';
import { mapBounded } from '../core/map-bounded';
import type { PublishedFiles, StatusPagePublisher } from '../core/ports/status-page-publisher';
import type { ResolvedMonitor, ResolvedStatusPage } from '../core/resolve/resolved-monitor';
import { checkPageState } from '../core/status-page/check-page-state';
import { renderStatusPageSite, statusPageRefreshMs } from '../core/status-page/status-page-site';
import { buildStatusPageData, type StatusPageStore, statusPageReadConcurrency } from './build-status-page';

/** Why a refresh published the page. */
export type RefreshReason = 'first' | 'changed' | 'due';

/** What one refresh did: nothing (`published` false), or published the page, and what that changed. */
export type RefreshOutcome =
  | { published: false }
  | ({ published: true; reason: RefreshReason; checks: number } & PublishedFiles);

/** What a status page refresher needs. */
export interface StatusPageRefresherOptions {
  /** The declared status page. */
  page: ResolvedStatusPage;
  publisher: StatusPagePublisher;
  /**
   * The page's public URL, ending in `/` (the CloudFront address), for the feed's links.
   * @default undefined (relative links)
   */
  pageUrl?: string;
  /**
   * Regenerate at least this often.
   * @default statusPageRefreshMs (5 minutes)
   */
  refreshEveryMs?: number;
}

/**
 * Keeps the deployed status page current, called by the first sweep shard every minute: it regenerates and
 * publishes the page when a listed check's state (up, down, degraded, maintenance, and since when) differs from
 * the last published one, and at least every `refreshEveryMs`; otherwise it does nothing. The states come from
 * the alert states the sweep just read (for the checks of its shard; the others' are read, half a read unit each).
 * One refresher per container: what it last published is kept in memory, and a new container publishes at once.
 *
 * Cost per listed check-month, beyond the sweep's own reads: a regeneration reads about 3 read units per listed
 * check (see `buildStatusPageData`); every 5 minutes that is 25,900 RRU ($0.0032), and the Lambda time of the
 * reads and of rendering (about 3 ms per check, $0.0003 at 512 MB). The uploads are priced by `lookout cost`.
 */
export class StatusPageRefresher {
  private lastSignature: string | undefined;
  private lastPublishedMs: number | undefined;

  constructor(private readonly options: StatusPageRefresherOptions) {}

  /**
   * Refreshes the page if it is due or a state changed.
   * @param alertStates alert states read this minute, by check id (not read again)
   */
  async refresh(
    deps: { store: StatusPageStore; monitor: ResolvedMonitor; now: () => number },
    alertStates: ReadonlyMap<string, readonly AlertState[]> = new Map(),
  ): Promise<RefreshOutcome> {
    const { page } = this.options;
    const nowMs = deps.now();
    const listed = deps.monitor.checks.filter((check) => page.checks.includes(check.id));
    const states = new Map(alertStates);
    const missing = listed.filter((check) => !states.has(check.id));
    await mapBounded(missing, statusPageReadConcurrency, async (check) => {
      states.set(check.id, await deps.store.alertStates(check.id));
    });
    const signature = listed
      .map((check) => {
        const state = checkPageState({
          checkId: check.id,
          alertStates: states.get(check.id) ?? [],
          maintenance: deps.monitor.maintenance,
          nowMs,
          hasData: true,
        });
        return `${check.id}=${state.state}@${state.sinceMs ?? ''}`;
      })
      .join('\n');
    const reason: RefreshReason | undefined =
      this.lastPublishedMs === undefined
        ? 'first'
        : signature !== this.lastSignature
          ? 'changed'
          : nowMs - this.lastPublishedMs >= (this.options.refreshEveryMs ?? statusPageRefreshMs)
            ? 'due'
            : undefined;
    if (reason === undefined) return { published: false };
    const data = await buildStatusPageData(deps.store, deps.monitor, nowMs, {
      title: page.title,
      checkIds: page.checks,
      show: page.show,
      ...(this.options.pageUrl === undefined ? {} : { pageUrl: this.options.pageUrl }),
      alertStates: states,
    });
    const published = await this.options.publisher.publish(renderStatusPageSite(data));
    this.lastSignature = signature;
    this.lastPublishedMs = nowMs;
    return { published: true, reason, checks: data.checks.length, ...published };
  }
}
