import type { CostEstimate } from '../core/cost/estimate-cost';
import type { ListPrice } from '../core/cost/price-list';

/**
 * The estimate as `lookout cost` prints it: a header saying what is priced and at which prices, one row per line
 * (service, item, quantity, unit, unit price, USD), the total and the USD per check-month, then the same checks'
 * cost with the anchors.
 */
export function formatCostTable(estimate: CostEstimate): string {
  const checks = `${formatQuantity(estimate.checks)} ${estimate.checks === 1 ? 'check' : 'checks'}`;
  const out: string[] = [
    `Lookout on AWS, monthly estimate: ${checks} from ${estimate.regions.join(', ') || 'no region'} (home ${estimate.homeRegion})`,
    `List prices of ${estimate.prices.region} in ${estimate.prices.currency}, checked ${estimate.prices.checkedOn}; a month of ${estimate.monthDays} days; no free tier subtracted.`,
    '',
  ];
  const header = ['Service', 'Item', 'Quantity', 'Unit', 'Unit price', 'USD'];
  const rows = estimate.lines.map((line) => [
    line.service,
    line.item,
    formatQuantity(line.quantity),
    line.quantity === 1 ? line.price.unit : pluralUnit(line.price.unit),
    formatUnitPrice(line.price),
    formatUsd(line.usd),
  ]);
  const rightAligned = new Set([2, 5]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        rightAligned.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  out.push(render(header), ...rows.map(render));
  const labelWidth = widths.slice(0, 5).reduce((total, width) => total + width + 2, 0);
  const totalRow = (label: string, usd: string) =>
    `${label.padStart(labelWidth - 2)}  ${usd.padStart(widths[5] ?? 0)}`;
  out.push(totalRow('Total', formatUsd(estimate.totalUsd)));
  if (estimate.usdPerCheckMonth !== undefined) {
    out.push(totalRow('Per check-month', formatUsd(estimate.usdPerCheckMonth)));
  }
  if (estimate.checks > 0) {
    out.push('', 'The same checks, as often and from as many places, elsewhere:');
    const anchorWidth = Math.max(...estimate.anchors.map((anchor) => anchor.name.length));
    const usdWidth = Math.max(...estimate.anchors.map((anchor) => formatUsd(anchor.usd).length));
    const perCheckWidth = Math.max(
      ...estimate.anchors.map((anchor) => formatUsd(anchor.usdPerCheckMonth ?? 0).length),
    );
    for (const anchor of estimate.anchors) {
      const perCheck = formatUsd(anchor.usdPerCheckMonth ?? 0).padStart(perCheckWidth);
      out.push(
        `  ${anchor.name.padEnd(anchorWidth)}  ${formatUsd(anchor.usd).padStart(usdWidth)}  ${perCheck} per check-month  (${anchor.basis})`,
      );
    }
  }
  out.push(
    '',
    'Assumes healthy targets (no retries or timeouts). Prices: functions/core/cost/price-list.ts;',
    'what each handler does per check and invocation: functions/core/cost/usage-model.ts.',
  );
  return `${out.join('\n')}\n`;
}

/** `12,960,000`; `11.87` when fractional. */
function formatQuantity(value: number): string {
  const digits = Number.isInteger(value) ? 0 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `$1,234.56`. */
function formatUsd(value: number): string {
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** `$0.625 per 1M write request units`, `$0.30 per metric-month`. */
function formatUnitPrice(price: ListPrice): string {
  const usd = `$${price.usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 10 })}`;
  if (price.per === 1) return `${usd} per ${price.unit}`;
  const per = price.per >= 1_000_000 ? `${price.per / 1_000_000}M` : price.per.toLocaleString('en-US');
  return `${usd} per ${per} ${pluralUnit(price.unit)}`;
}

/** `requests`, `publishes`, `deliveries`, `GB`. */
function pluralUnit(unit: string): string {
  if (unit.endsWith('GB')) return unit;
  if (unit.endsWith('sh')) return `${unit}es`;
  if (/[^aeiou]y$/.test(unit)) return `${unit.slice(0, -1)}ies`;
  return `${unit}s`;
}
