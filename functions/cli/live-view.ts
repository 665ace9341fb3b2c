import type { CheckView } from './check-view';
import type { CliOutput } from './cli-io';
import { checkLineLayout, formatCheckLines } from './format-live-view';
import type { Palette } from './terminal-colors';
import { fitToWidth, visibleWidth } from './terminal-text';

/** The width assumed for a terminal that does not say its own. */
const defaultColumns = 80;

/**
 * The terminal view of the local monitor. On a terminal: a block of one line per check redrawn in place
 * under the alerts printed so far, every line fitted to the terminal's width (so the block's height is known
 * and a redraw erases exactly it). Otherwise: plain lines, one per check whose result or state changed.
 */
export class LiveView {
  /** The visible width of each line of the block on the screen, to count the rows it takes now. */
  private drawnWidths: number[] = [];
  private latest: readonly CheckView[] | undefined;
  private readonly shown = new Map<string, string>();

  constructor(
    private readonly out: CliOutput,
    private readonly palette: Palette,
  ) {}

  /** Prints a line above the block (an alert, a notice); the block is drawn again under it. */
  print(line: string): void {
    this.clearBlock();
    this.out.write(`${line}\n`);
    this.drawBlock();
  }

  /** Shows the checks: redraws the block on a terminal, or prints the lines that changed. */
  render(views: readonly CheckView[]): void {
    if (this.out.isTTY) {
      this.clearBlock();
      this.latest = views;
      this.drawBlock();
      return;
    }
    const layout = checkLineLayout(views);
    for (const view of views) {
      const key = `${view.state}|${view.lastResult?.startedAt ?? ''}|${view.firing.join(',')}`;
      if (this.shown.get(view.id) === key) continue;
      this.shown.set(view.id, key);
      this.out.write(`${formatCheckLines(view, this.palette, layout).join('\n')}\n`);
    }
  }

  /**
   * Leaves the block as last drawn on the screen (the final table stays when the monitor stops): later
   * lines are printed under it, and nothing redraws it.
   */
  close(): void {
    this.drawnWidths = [];
    this.latest = undefined;
  }

  private drawBlock(): void {
    if (!this.out.isTTY || this.latest === undefined) return;
    const columns = this.columns();
    const views = this.latest;
    // A block taller than the screen would scroll its first lines out of reach of the next redraw.
    const roomRows = Math.max(2, (this.out.rows ?? Number.POSITIVE_INFINITY) - 2);
    const layout = checkLineLayout(views, columns);
    const groups = views.map((view) => formatCheckLines(view, this.palette, layout));
    const lines = groups.flat();
    if (lines.length > roomRows) {
      lines.length = 0;
      let shown = 0;
      for (const group of groups) {
        if (lines.length + group.length > roomRows - 1) break;
        lines.push(...group);
        shown += 1;
      }
      const more = `… and ${views.length - shown} more checks (see the status page)`;
      lines.push(this.palette.dim(fitToWidth(more, columns)));
    }
    this.out.write(`${lines.join('\n')}\n`);
    this.drawnWidths = lines.map(visibleWidth);
  }

  /**
   * Erases the block: back to the start of the line (after a `^C` the terminal echoed), up by the rows the
   * block takes at the terminal's width now (a narrowed terminal wraps its lines), and clears to the end of
   * the screen.
   */
  private clearBlock(): void {
    if (!this.out.isTTY || this.drawnWidths.length === 0) return;
    const columns = this.columns();
    const rows = this.drawnWidths.reduce((sum, width) => sum + Math.max(1, Math.ceil(width / columns)), 0);
    this.out.write(`\r\x1b[${rows}A\x1b[J`);
    this.drawnWidths = [];
  }

  private columns(): number {
    const columns = this.out.columns;
    return columns !== undefined && columns > 0 ? columns : defaultColumns;
  }
}
