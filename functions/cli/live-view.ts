import type { CheckView } from './check-view';
import type { CliOutput } from './cli-io';
import { formatCheckLine } from './format-live-view';
import type { Palette } from './terminal-colors';

/**
 * The terminal view of the local monitor. On a terminal: a block of one line per check redrawn in place,
 * with alerts printed above it. Otherwise: plain lines, one per check whose result or state changed.
 */
export class LiveView {
  private drawnLines = 0;
  private readonly shown = new Map<string, string>();

  constructor(
    private readonly out: CliOutput,
    private readonly palette: Palette,
  ) {}

  /** Prints a line above the block (an alert, a notice). */
  print(line: string): void {
    this.clearBlock();
    this.out.write(`${line}\n`);
    this.drawnLines = 0;
  }

  /** Shows the checks: redraws the block on a terminal, or prints the lines that changed. */
  render(views: readonly CheckView[]): void {
    if (this.out.isTTY) {
      this.clearBlock();
      const lines = views.map((view) => formatCheckLine(view, this.palette));
      this.out.write(`${lines.join('\n')}\n`);
      this.drawnLines = lines.length;
      return;
    }
    for (const view of views) {
      const line = formatCheckLine(view, this.palette);
      const key = `${view.state}|${view.lastResult?.startedAt ?? ''}`;
      if (this.shown.get(view.id) === key) continue;
      this.shown.set(view.id, key);
      this.out.write(`${line}\n`);
    }
  }

  private clearBlock(): void {
    if (this.out.isTTY && this.drawnLines > 0) this.out.write(`\x1b[${this.drawnLines}A\x1b[0J`);
    this.drawnLines = 0;
  }
}
