import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CostEstimate } from '../../functions/core/cost/estimate-cost';
import { priceListCheckedOn } from '../../functions/core/cost/price-list';
import { coreIndexPath, runLookout } from './run-lookout';

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'lookout-cost-'));
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/**
 * A fixture monitor: 20 HTTPS checks every minute from 3 regions with an SLO, a TCP check every 10 s from one
 * region, and a check placed only on developer machines (left out of the estimate).
 */
async function writeFixture(fileName: string, metrics = ''): Promise<string> {
  const path = join(workDir, fileName);
  await writeFile(
    path,
    [
      `import { defineMonitor, http, tcp } from ${JSON.stringify(coreIndexPath)};`,
      'export default defineMonitor({',
      "  homeRegion: 'us-east-1',",
      "  regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],",
      `  ${metrics}`,
      "  alerts: { email: ['oncall@example.com'] },",
      '  checks: [',
      '    ...Array.from({ length: 20 }, (_, index) =>',
      '      http({',
      "        id: 'service-' + index,",
      "        url: 'https://service-' + index + '.example.com/health',",
      "        slo: { availability: 99.9, latency: { threshold: '300ms', target: 99 } },",
      '      }),',
      '    ),',
      "    tcp({ id: 'cache', host: 'cache.example.com', port: 6379, interval: '10s', regions: ['eu-west-1'] }),",
      "    http({ id: 'laptop-only', url: 'http://127.0.0.1:9/', regions: ['local'] }),",
      '  ],',
      '});',
      '',
    ].join('\n'),
  );
  return path;
}

function parseEstimate(stdout: string): CostEstimate {
  return JSON.parse(stdout) as CostEstimate;
}

/** The USD amounts of a table: the last column of each row, and the total row's. */
function usdColumn(stdout: string): { lines: number[]; total: number; perCheck: number } {
  const amount = (row: string) => Number((/\$([\d,]+\.\d\d)$/.exec(row)?.[1] ?? 'NaN').replaceAll(',', ''));
  const rows = stdout.split('\n');
  const headerIndex = rows.findIndex((row) => row.startsWith('Service '));
  const totalIndex = rows.findIndex((row) => /^\s+Total\s+\$/.test(row));
  return {
    lines: rows.slice(headerIndex + 1, totalIndex).map(amount),
    total: amount(rows[totalIndex] ?? ''),
    perCheck: amount(rows[totalIndex + 1] ?? ''),
  };
}

describe('lookout cost', () => {
  it('prints each line with its quantity, unit, price and USD, the total and the USD per check-month', async () => {
    const config = await writeFixture('monitor.ts');
    const run = await runLookout(['cost', '--config', config], { cwd: workDir });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('21 checks from us-east-1, eu-west-1, ap-southeast-2 (home us-east-1)');
    expect(run.stdout).toContain(`List prices of us-east-1 in USD, checked ${priceListCheckedOn}`);
    // 21 checks × Availability and Latency; Lookout's own ProbesSkipped has no data while no probe is skipped.
    expect(run.stdout).toMatch(
      /^CloudWatch\s+Custom metric series\s+42\s+metric-months\s+\$0\.30 per metric-month\s+\$12\.60$/m,
    );
    expect(run.stdout).toMatch(
      /^DynamoDB\s+Write request units\s+[\d,]+(?:\.\d\d)?\s+write request units\s+\$0\.625 per 1M write request units\s+\$[\d.]+$/m,
    );
    expect(run.stdout).toMatch(/^SQS\s+Requests\s/m);
    for (const anchor of ['CloudWatch Synthetics', 'Checkly API checks', 'Route 53 health checks']) {
      expect(run.stdout).toMatch(
        new RegExp(`^  ${anchor}\\s+\\$[\\d,]+\\.\\d\\d\\s+\\$[\\d,]+\\.\\d\\d per check-month`, 'm'),
      );
    }

    const json = await runLookout(['cost', '--config', config, '--json'], { cwd: workDir });
    expect(json.exitCode).toBe(0);
    const estimate = parseEstimate(json.stdout);
    expect(estimate.checks).toBe(21);
    const table = usdColumn(run.stdout);
    expect(table.lines).toHaveLength(estimate.lines.length);
    // Each printed amount is its line's, rounded to the cent; the total is the sum of the exact lines.
    estimate.lines.forEach((line, index) => {
      expect(line.usd).toBeCloseTo((line.quantity * line.price.usd) / line.price.per, 9);
      expect(table.lines[index]).toBeCloseTo(line.usd, 2);
    });
    const sum = estimate.lines.reduce((total, line) => total + line.usd, 0);
    expect(estimate.totalUsd).toBeCloseTo(sum, 9);
    expect(table.total).toBeCloseTo(estimate.totalUsd, 2);
    expect(table.perCheck).toBeCloseTo(estimate.totalUsd / 21, 2);
  });

  it('prices the declared metrics options', async () => {
    const lean = parseEstimate(
      (await runLookout(['cost', '--config', await writeFixture('lean.ts'), '--json'], { cwd: workDir }))
        .stdout,
    );
    const rich = parseEstimate(
      (
        await runLookout(
          ['cost', '--config', await writeFixture('rich.ts', 'metrics: { phases: true },'), '--json'],
          {
            cwd: workDir,
          },
        )
      ).stdout,
    );
    // 20 HTTPS checks with 5 phases each, and a TCP check whose reply nobody waits for: DNS and connect.
    expect(rich.totalUsd - lean.totalUsd).toBeCloseTo((20 * 5 + 2) * 0.3, 6);
  });

  it('shows its own help, and refuses options it does not take', async () => {
    const help = await runLookout(['cost', '--help'], { cwd: workDir });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^Usage: lookout cost \[--config <module>\] \[--json\]/);
    expect(help.stdout).toContain('price-list.ts');
    const misuse = await runLookout(['cost', '--only', 'a'], { cwd: workDir });
    expect(misuse.exitCode).toBe(2);
    expect(misuse.stderr).toContain("--only is not an option of 'lookout cost'");
  });

  it('exits 2 and prints the problems of an invalid monitor', async () => {
    const path = join(workDir, 'invalid.ts');
    await writeFile(
      path,
      `export default ${JSON.stringify({ homeRegion: 'us-east-1', metrics: { phase: true }, checks: [] })};\n`,
    );
    const run = await runLookout(['cost', '--config', path], { cwd: workDir });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown key "phase" (did you mean "phases"?)');
  });
});
