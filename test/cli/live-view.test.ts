import { describe, expect, it } from 'vitest';
import type { CheckView } from '../../functions/cli/check-view';
import { checkLineLayout, formatCheckLines } from '../../functions/cli/format-live-view';
import { LiveView } from '../../functions/cli/live-view';
import { createPalette } from '../../functions/cli/terminal-colors';
import { fitKeepingEnd, fitToWidth, printable, visibleWidth } from '../../functions/cli/terminal-text';
import type { ProbeResult } from '../../functions/core/probe-result';

const secretMessage =
  "could not read secret /lookout/status-api-key for header x-api-key (secret '/lookout/status-api-key' could not be read: it is not set locally: set the environment variable LOOKOUT_SECRET_LOOKOUT_STATUS_API_KEY)";

function failing(id: string, message: string): CheckView {
  return {
    id,
    name: id,
    target: 'https://x.test/',
    state: 'DOWN',
    firing: ['outage'],
    lastResult: {
      checkId: id,
      ok: false,
      totalMs: 3,
      startedAt: '2026-11-02T12:00:05.000Z',
      error: { code: 'INTERNAL', message, phase: 'setup' },
    } as unknown as ProbeResult,
  };
}

describe('terminal text', () => {
  it('measures text without its colours, and wide characters as two columns', () => {
    const palette = createPalette(true);
    expect(visibleWidth(palette.red('DOWN'))).toBe(4);
    expect(visibleWidth('日本')).toBe(4);
  });

  it('cuts coloured text to a width, closing the colour it cut', () => {
    const cut = fitToWidth(createPalette(true).red('abcdefgh'), 5);
    expect(visibleWidth(cut)).toBe(5);
    expect(cut).toBe('\u001b[31mabcd…\u001b[0m');
  });

  it('cuts an error in its middle, keeping the end that names the fix', () => {
    const cut = fitKeepingEnd(secretMessage, 76);
    expect(visibleWidth(cut)).toBeLessThanOrEqual(76);
    expect(cut.startsWith('could not read')).toBe(true);
    expect(cut.endsWith('LOOKOUT_SECRET_LOOKOUT_STATUS_API_KEY)')).toBe(true);
  });

  it('turns control characters from a target into spaces', () => {
    expect(printable('a\nb\u001b[2Jc')).toBe('a b [2Jc');
  });
});

describe('formatCheckLines', () => {
  it('keeps a check on one line when it fits, and moves a long error to its own line at the width', () => {
    const palette = createPalette(false);
    const views = [failing('api', 'short'), failing('orders', secretMessage)];
    const layout = checkLineLayout(views, 80);
    expect(formatCheckLines(views[0] as CheckView, palette, layout)).toEqual([
      'DOWN     api        3 ms 12:00:05  INTERNAL: short [outage]',
    ]);
    const lines = formatCheckLines(views[1] as CheckView, palette, layout);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(visibleWidth(line)).toBeLessThanOrEqual(80);
    expect(lines[1]).toMatch(/^ {4}INTERNAL: could not read.*….*LOOKOUT_SECRET_LOOKOUT_STATUS_API_KEY\)$/);
  });

  it('prints the whole error on one line when the output is not a terminal', () => {
    const views = [failing('orders', secretMessage)];
    const lines = formatCheckLines(views[0] as CheckView, createPalette(false), checkLineLayout(views));
    expect(lines).toEqual([`DOWN     orders     3 ms 12:00:05  INTERNAL: ${secretMessage} [outage]`]);
  });
});

describe('LiveView on a terminal', () => {
  it('goes back to the line start before moving up over exactly the rows it drew, at the width of now', () => {
    const writes: string[] = [];
    const out = { isTTY: true, columns: 80, rows: 40, write: (text: string) => writes.push(text) };
    const view = new LiveView(out, createPalette(false));
    view.render([failing('api', 'short'), failing('orders', secretMessage)]);
    expect(writes.at(-1)?.split('\n')).toHaveLength(4); // three lines and the final newline
    view.render([failing('api', 'short')]);
    expect(writes.at(-2)).toBe('\r\u001b[3A\u001b[J');
    // Narrowed to 40 columns, the 61-column line drawn before now takes two rows.
    out.columns = 40;
    view.print('an alert');
    expect(writes.at(-3)).toBe('\r\u001b[2A\u001b[J');
  });

  it('leaves the last table on the screen once closed', () => {
    const writes: string[] = [];
    const view = new LiveView(
      { isTTY: true, columns: 80, write: (text) => writes.push(text) },
      createPalette(false),
    );
    view.render([failing('api', 'short')]);
    view.close();
    view.print('stopped');
    expect(writes.slice(-1)).toEqual(['stopped\n']);
  });
});
