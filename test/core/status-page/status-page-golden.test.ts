import { join } from 'node:path';
import { describe, it } from 'vitest';
import {
  badgeKinds,
  renderCheckBadge,
  renderIncidentFeed,
  renderStatusHtml,
  renderStatusJson,
  type StatusPageData,
} from '../../../functions/core/status-page';
import { expectGolden } from '../../support/golden-notification';
import { hostileText, realisticStatusPage } from './status-page-fixture';

const goldenDir = join(import.meta.dirname, 'golden');

/** `status.json` indented, each day on one line (the file itself is served compact). */
function readableJson(json: string): string {
  return JSON.stringify(JSON.parse(json), null, 2).replace(
    /\{\n\s+("date"[^{}]*?)\n\s+\}/g,
    (_, fields: string) => `{ ${fields.replace(/\n\s+/g, ' ')} }`,
  );
}

/** Every badge of every check, one after another. */
function allBadges(data: StatusPageData): string {
  return data.checks
    .flatMap((check) =>
      badgeKinds.map((badge) => `=== ${check.id} ${badge}\n${renderCheckBadge(check, badge)}`),
    )
    .join('');
}

const scenarios: Array<[string, StatusPageData]> = [
  // What a public page shows by default: no targets, no errors.
  ['realistic', realisticStatusPage()],
  // Every outside text hostile, and shown (targets and errors too).
  ['hostile', realisticStatusPage({ targets: true, errors: true }, hostileText)],
];

// `.golden`, not `.html` or `.json`: the linter formats those, and a golden must hold the renderer's bytes.
describe('status page golden files (UPDATE_GOLDEN=1 rewrites them)', () => {
  describe.each(scenarios)('%s', (name, data) => {
    it('HTML', () => expectGolden(join(goldenDir, `${name}.html.golden`), renderStatusHtml(data)));
    it('status.json (indented here; served compact)', () =>
      expectGolden(
        join(goldenDir, `${name}.status.json.golden`),
        `${readableJson(renderStatusJson(data))}\n`,
      ));
    it('Atom feed', () => expectGolden(join(goldenDir, `${name}.atom.golden`), renderIncidentFeed(data)));
    it('badges', () => expectGolden(join(goldenDir, `${name}.badges.svg.golden`), allBadges(data)));
  });
});
