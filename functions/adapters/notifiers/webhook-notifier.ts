import type { LookoutEvent } from '../../core/alerting/lookout-event';
import type { Notifier } from '../../core/ports/notifier';

/** How long a webhook may take to accept an event. */
export const webhookTimeoutMs = 10_000;

/**
 * POSTs each event as JSON (`lookout.event.v1`) to a URL. Accepted means a 2xx answer; anything else rejects
 * with an error that names the URL and the cause (`webhook http://127.0.0.1:18098/hook did not accept
 * orders-api:outage:1: ECONNREFUSED 127.0.0.1:18098`), and the caller keeps the event for the next try.
 */
export function createWebhookNotifier(url: string): Notifier {
  return {
    async publish(event: LookoutEvent) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'lookout' },
          body: JSON.stringify(event),
          signal: AbortSignal.timeout(webhookTimeoutMs),
        });
      } catch (error) {
        throw new Error(`webhook ${url} did not accept ${event.id}: ${describeFetchFailure(error)}`);
      }
      await response.body?.cancel();
      if (!response.ok) {
        const reason = response.statusText === '' ? '' : ` ${response.statusText}`;
        throw new Error(`webhook ${url} did not accept ${event.id}: it answered ${response.status}${reason}`);
      }
    },
  };
}

/**
 * Why `fetch` failed, in the words of the network: `ECONNREFUSED 127.0.0.1:18098`, `ENOTFOUND hooks.example`,
 * `no answer within 10s` (fetch itself only says "fetch failed").
 */
export function describeFetchFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${webhookTimeoutMs / 1000}s`;
  }
  const cause = error instanceof Error ? error.cause : undefined;
  const causes: unknown[] = cause instanceof AggregateError ? cause.errors : [cause ?? error];
  return causes.map(networkWords).join(', ');
}

/** `connect ECONNREFUSED 127.0.0.1:18098` → `ECONNREFUSED 127.0.0.1:18098`. */
function networkWords(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^(connect|getaddrinfo|read|write) /, '');
}
