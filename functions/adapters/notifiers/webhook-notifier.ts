import type { LookoutEvent } from '../../core/alerting/lookout-event';
import type { Notifier } from '../../core/ports/notifier';

/** How long a webhook may take to accept an event. */
const webhookTimeoutMs = 10_000;

/**
 * POSTs each event as JSON (`lookout.event.v1`) to a URL. Accepted means a 2xx answer; anything else rejects,
 * and the event stays queued for the next try.
 */
export function createWebhookNotifier(url: string): Notifier {
  return {
    async publish(event: LookoutEvent) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'lookout' },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(webhookTimeoutMs),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`webhook ${url} answered ${response.status}`);
    },
  };
}
