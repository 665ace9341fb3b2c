import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAwsPingAdapters } from '../../functions/adapters/aws-ping-adapters';
import { createDynamoDbStore } from '../../functions/adapters/dynamodb/create-dynamodb-store';
import { heartbeat } from '../../functions/core/declare/check-builders';
import { maximumPingBodyBytes } from '../../functions/core/declare/defaults';
import { minuteMs } from '../../functions/core/declare/duration';
import { secret } from '../../functions/core/declare/secret';
import type { ResolvedMonitor } from '../../functions/core/resolve/resolved-monitor';
import { validateMonitor } from '../../functions/core/validate/validate-monitor';
import { jsonLog } from '../../functions/handlers/json-log';
import { createPingHandler } from '../../functions/handlers/ping-handler';
import { createTestClient, testCredentials } from '../support/dynalite';
import {
  type SecretsManagerEndpoint,
  startSecretsManagerEndpoint,
} from '../support/secrets-manager-endpoint';
import { type SsmEndpoint, startSsmEndpoint } from '../support/ssm-endpoint';
import { useDynamo } from '../support/use-dynamo';

const db = useDynamo();
const backupToken = 'ssm-tok-7d1f0a9c2b';
const reportToken = 'sm-tok-e45b88a013';
let ssm: SsmEndpoint;
let secretsManager: SecretsManagerEndpoint;

beforeAll(async () => {
  ssm = await startSsmEndpoint({ '/lookout/heartbeat/nightly-backup': backupToken });
  secretsManager = await startSecretsManagerEndpoint({ 'prod/weekly-report': { string: reportToken } });
});
afterAll(async () => {
  await Promise.all([ssm.close(), secretsManager.close()]);
});
afterEach(() => {
  vi.restoreAllMocks();
});

function monitor(): ResolvedMonitor {
  const validation = validateMonitor({
    homeRegion: 'us-east-1',
    regions: ['us-east-1'],
    checks: [
      heartbeat({
        id: 'nightly-backup',
        period: '1d',
        grace: '1h',
        token: secret('/lookout/heartbeat/nightly-backup'),
      }),
      heartbeat({
        id: 'weekly-report',
        period: '7d',
        grace: '1h',
        token: secret('secretsmanager:prod/weekly-report'),
      }),
    ],
  });
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  return validation.monitor;
}

/** A Function URL request (payload format 2.0), as Lambda hands it to the function. */
function urlEvent(
  rawPath: string,
  options: { method?: string; body?: string | Buffer } = {},
): LambdaFunctionURLEvent {
  const method = options.method ?? 'GET';
  const binary = Buffer.isBuffer(options.body);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: '',
    headers: { host: 'abc123.lambda-url.us-east-1.on.aws', 'user-agent': 'curl/8.5.0' },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abc123',
      domainName: 'abc123.lambda-url.us-east-1.on.aws',
      domainPrefix: 'abc123',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'curl/8.5.0' },
      requestId: crypto.randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: '02/Nov/2026:10:00:00 +0000',
      timeEpoch: 1_793_613_600_000,
    },
    isBase64Encoded: binary,
    ...(options.body === undefined
      ? {}
      : { body: binary ? (options.body as Buffer).toString('base64') : (options.body as string) }),
  };
}

/** The handler over the real adapters (dynalite, loopback SSM and Secrets Manager), and every log line it wrote. */
function setUp() {
  const resolved = monitor();
  let nowMs = Date.parse('2026-11-02T10:00:00.000Z');
  const lines: string[] = [];
  // The production log (jsonLog), captured where it writes: whatever reaches the console is checked.
  for (const method of ['log', 'error', 'warn', 'info'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
  }
  const client = { credentials: testCredentials, maxAttempts: 1 };
  const handler = createPingHandler({
    monitor: resolved,
    adapters: createAwsPingAdapters({
      region: 'us-east-1',
      tableName: db.tableName,
      checks: resolved.checks,
      clients: {
        dynamodb: { ...client, endpoint: db.endpoint },
        ssm: { ...client, endpoint: ssm.url },
        secretsManager: { ...client, endpoint: secretsManager.url },
      },
    }),
    now: () => nowMs,
    log: jsonLog,
  });
  const store = createDynamoDbStore({
    client: createTestClient(db.endpoint),
    tableName: db.tableName,
    checks: resolved.checks,
  });
  const stored = async (checkId: string) => store.resultsSince(checkId, 0);
  return { handler, stored, lines, advance: (ms: number) => (nowMs += ms) };
}

describe('the ping function (Function URL event, real adapters)', () => {
  it('records a ping with the right token as a result of region ping, and answers 200 OK in plain text', async () => {
    const { handler, stored, lines } = setUp();
    const answer = await handler(urlEvent(`/ping/nightly-backup/${backupToken}`));
    expect(answer).toMatchObject({ statusCode: 200, body: 'OK\n' });
    expect(answer.headers?.['content-type']).toMatch(/^text\/plain/);
    const results = await stored('nightly-backup');
    expect(results.map((entry) => entry.result)).toMatchObject([
      { checkId: 'nightly-backup', region: 'ping', ok: true },
    ]);
    // A Secrets Manager token works the same way.
    expect(
      (await handler(urlEvent(`/ping/weekly-report/${reportToken}`, { method: 'POST' }))).statusCode,
    ).toBe(200);
    expect(await stored('weekly-report')).toHaveLength(1);
    expect(ssm.calls).not.toHaveLength(0);
    expect(
      lines.some((line) => line.includes('"checkId":"nightly-backup"') && line.includes('"status":200')),
    ).toBe(true);
  });

  it('answers 404 to a wrong token, an unknown check or another path, and records nothing', async () => {
    const { handler, stored } = setUp();
    for (const path of [
      `/ping/nightly-backup/${reportToken}`,
      `/ping/nightly-backup/${backupToken}x`,
      `/ping/no-such-job/${backupToken}`,
      '/',
      '/favicon.ico',
    ]) {
      const answer = await handler(urlEvent(path));
      expect(answer, path).toMatchObject({ statusCode: 404, body: 'not found\n' });
    }
    expect(await stored('nightly-backup')).toEqual([]);
  });

  it('records /start, then the success it ends with the run time as latency, and /fail with the job output', async () => {
    const { handler, stored, advance } = setUp();
    expect((await handler(urlEvent(`/ping/nightly-backup/${backupToken}/start`))).statusCode).toBe(200);
    advance(4 * minuteMs);
    expect((await handler(urlEvent(`/ping/nightly-backup/${backupToken}`))).statusCode).toBe(200);
    advance(minuteMs);
    const output = Buffer.from('pg_dump: error: connection to server failed\n');
    const failed = await handler(
      urlEvent(`/ping/nightly-backup/${backupToken}/fail`, { method: 'POST', body: output }),
    );
    expect(failed.statusCode).toBe(200);
    const results = (await stored('nightly-backup')).map((entry) => entry.result);
    expect(results.map((result) => [result.region, result.ok, result.totalMs])).toEqual([
      ['ping-start', true, 0],
      ['ping', true, 4 * minuteMs],
      ['ping', false, 0],
    ]);
    expect(results[2]?.error).toMatchObject({ code: 'HEARTBEAT_FAILED' });
    expect(results[2]?.error?.message).toContain('pg_dump: error: connection to server failed');
  });

  it('answers 413 to a body over the limit (as sent, base64 decoded) and records nothing; 405 to other methods', async () => {
    const { handler, stored } = setUp();
    const oversized = Buffer.alloc(maximumPingBodyBytes + 1, 'x');
    const answer = await handler(
      urlEvent(`/ping/nightly-backup/${backupToken}/fail`, { method: 'POST', body: oversized }),
    );
    expect(answer.statusCode).toBe(413);
    const justFits = Buffer.alloc(maximumPingBodyBytes, 'x');
    expect(
      (
        await handler(
          urlEvent(`/ping/nightly-backup/${backupToken}/fail`, { method: 'POST', body: justFits }),
        )
      ).statusCode,
    ).toBe(200);
    expect(await stored('nightly-backup')).toHaveLength(1);
    expect(
      (await handler(urlEvent(`/ping/nightly-backup/${backupToken}`, { method: 'DELETE' }))).statusCode,
    ).toBe(405);
  });

  it('answers 429 past the per-check rate in one container', async () => {
    const { handler } = setUp();
    const statuses: number[] = [];
    for (let index = 0; index < 32; index += 1) {
      statuses.push((await handler(urlEvent(`/ping/nightly-backup/${backupToken}`))).statusCode ?? 0);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(30);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

  it('never writes a token, or a path holding one, to its log', async () => {
    const { handler, lines } = setUp();
    await handler(urlEvent(`/ping/nightly-backup/${backupToken}`));
    await handler(urlEvent(`/ping/nightly-backup/${backupToken}/start`));
    await handler(urlEvent(`/ping/nightly-backup/${backupToken}/fail`, { method: 'POST', body: 'boom' }));
    await handler(urlEvent(`/ping/nightly-backup/${reportToken}`));
    await handler(urlEvent(`/ping/weekly-report/guessed-${backupToken}`));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.some((line) => line.includes('wrong token'))).toBe(true);
    for (const line of lines) {
      expect(line).not.toContain(backupToken);
      expect(line).not.toContain(reportToken);
      expect(line).not.toContain('/ping/');
    }
  });
});
