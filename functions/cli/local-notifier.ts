import { fanOutNotifiers } from '../adapters/notifiers/fan-out-notifiers';
import { queueNotifier } from '../adapters/notifiers/queued-notifier';
import { createTerminalNotifier } from '../adapters/notifiers/terminal-notifier';
import { createWebhookNotifier } from '../adapters/notifiers/webhook-notifier';
import type { LookoutEvent } from '../core/alerting/lookout-event';
import { formatSpanMs } from '../core/messages/format-span';
import type { Notifier } from '../core/ports/notifier';

/** Where `lookout run` sends alerts. */
export interface LocalNotifier {
  notifier: Notifier;
  /**
   * Stops retrying the webhook after one last try; resolves with a line to print when some alerts never
   * reached it, else `undefined`.
   */
  close(): Promise<string | undefined>;
}

/**
 * The local monitor's notifier: each alert is printed on the terminal at once and, with a webhook, queued
 * for it on its own (see `queueNotifier`): the terminal never waits for the webhook, and a webhook that
 * refuses or cannot be reached is retried 10 s later, then after 20 s, 40 s and every minute, oldest alert
 * first. `notice` prints what happens to the webhook: why it failed (its URL and the cause) and when it
 * accepts again.
 */
export function createLocalNotifier(options: {
  print: (event: LookoutEvent) => void;
  notice: (line: string) => void;
  webhookUrl?: string;
}): LocalNotifier {
  const terminal = createTerminalNotifier(options.print);
  const url = options.webhookUrl;
  if (url === undefined) return { notifier: terminal, close: async () => undefined };
  const webhook = queueNotifier(createWebhookNotifier(url), {
    onFailure: (error, waiting, retryInMs) =>
      options.notice(
        `${error instanceof Error ? error.message : String(error)}; ${waiting} ${waiting === 1 ? 'alert waits' : 'alerts wait'} for it, next try in ${formatSpanMs(retryInMs)}`,
      ),
    onRecovered: (delivered) =>
      options.notice(`webhook ${url} accepts alerts again (${delivered} sent that waited)`),
  });
  return {
    notifier: fanOutNotifiers([terminal, webhook]),
    async close() {
      const undelivered = await webhook.close();
      return undelivered === 0
        ? undefined
        : `${undelivered} ${undelivered === 1 ? 'alert was' : 'alerts were'} not delivered to webhook ${url} (they are in the incident history)`;
    },
  };
}
