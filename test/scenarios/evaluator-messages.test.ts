import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, renderForGolden } from '../support/golden-notification';
import { oneCheckMonitor, recordingNotifier, Scenario } from '../support/scenario';
import { useDynamo } from '../support/use-dynamo';

const goldenDir = join(import.meta.dirname, 'golden');
const db = useDynamo();

describe('messages of events the evaluator produced (golden; UPDATE_GOLDEN=1 rewrites them)', () => {
  it('an outage in 2 of 3 regions, opened and resolved', async () => {
    const notifier = recordingNotifier();
    const run = new Scenario(oneCheckMonitor({ name: 'Orders API' }), {
      endpoint: db.endpoint,
      tableName: db.tableName,
      notifier,
    });
    const failing = (region: string) => (region === 'us-east-1' ? 'ok' : 'fail');
    for (const outcome of [
      () => 'ok' as const,
      failing,
      failing,
      failing,
      () => 'ok' as const,
      () => 'ok' as const,
    ]) {
      await run.round('orders-api', outcome);
    }
    const [opened, resolved] = notifier.sent;
    expect(notifier.sent.map((event) => event.type)).toEqual(['opened', 'resolved']);
    expectGolden(join(goldenDir, 'outage-opened.txt'), renderForGolden(opened as never));
    expectGolden(join(goldenDir, 'outage-resolved.txt'), renderForGolden(resolved as never));
  });

  it('an SLO page', async () => {
    const notifier = recordingNotifier();
    const run = new Scenario(
      oneCheckMonitor({ name: 'Orders API', slo: { availability: 99.9 }, alert: { regionsToFail: 3 } }),
      {
        endpoint: db.endpoint,
        tableName: db.tableName,
        notifier,
      },
    );
    for (let round = 0; round < 6; round += 1) {
      await run.round('orders-api', (region) => (region === 'eu-west-1' ? 'fail' : 'ok'));
      await run.sweep();
    }
    const page = notifier.sent.find((event) => event.kind === 'slo-availability');
    expect(page?.severity).toBe('critical');
    expectGolden(join(goldenDir, 'slo-page.txt'), renderForGolden(page as never));
  });
});
