import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  renderNotification,
  snsMessageAttributes,
} from '../../../functions/core/messages/render-notification';
import { expectGolden, renderForGolden } from '../../support/golden-notification';
import { degradedReminder, goldenScenarios, outageOpened, outageResolved, sloPage } from './event-fixtures';

const goldenDir = join(import.meta.dirname, 'golden');

describe('renderNotification golden files (UPDATE_GOLDEN=1 rewrites them)', () => {
  it.each(goldenScenarios)('%s', (name, event) => {
    expectGolden(join(goldenDir, `${name}.txt`), renderForGolden(event));
  });
});

describe('renderNotification', () => {
  it('puts the versioned event, unchanged, in json', () => {
    const { json } = renderNotification(sloPage);
    expect(JSON.parse(json)).toEqual(sloPage);
    expect(JSON.parse(json).schema).toBe('lookout.event.v1');
  });

  it('names the event type, severity, check and kind in the attributes', () => {
    expect(snsMessageAttributes(outageResolved)).toEqual({
      event: 'resolved',
      severity: 'info',
      checkId: 'orders-api',
      kind: 'outage',
    });
  });

  it('says how long a resolved incident lasted in every text', () => {
    const rendered = renderNotification(outageResolved);
    expect(rendered.subject).toBe('[Lookout] UP orders-api: up again in every region');
    expect(rendered.sms).toContain('(after 1h 12m)');
    expect(rendered.email).toContain('Lasted:       1h 12m');
  });

  it('shows only the failed assertions, expected vs actual', () => {
    const { email } = renderNotification(outageOpened);
    expect(email).toContain('status: expected 200, actual 503');
    expect(email).toContain('JSON $.status: expected "ok", actual "degraded"');
    expect(email).not.toContain('latency: expected');
  });

  it('leaves the dashboard line out when no link is known', () => {
    expect(renderNotification(degradedReminder).email).not.toContain('Dashboard:');
    expect(renderNotification(outageOpened).email).toContain(`Dashboard: ${outageOpened.dashboardUrl}`);
  });
});
