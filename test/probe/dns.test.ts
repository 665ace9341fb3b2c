import { describe, expect, it } from 'vitest';
import { dnsServerResolver, probeCheck } from '../../functions/probe';
import { closeAfterEach } from '../support/close-after-each';
import { startDnsServer } from '../support/dns-server';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { httpCheck, tcpCheck, testContext } from '../support/resolved-checks';
import { startHttpServer, startTcpServer } from '../support/servers';

const started = closeAfterEach();

// A DNS server on 127.0.0.1 answers through the real DNS protocol, so no query leaves the machine.
describe('probeCheck: name resolution through a DNS server', () => {
  it('resolves the host name, connects to its address, and times the lookup in dnsMs', async () => {
    const dns = await started(startDnsServer({ records: { 'api.lookout.test': '127.0.0.1' }, delayMs: 150 }));
    const server = await started(startHttpServer({}));
    const context = { ...testContext(), resolveHost: dnsServerResolver([dns.address]) };

    const result = await probeCheck(httpCheck({ url: `http://api.lookout.test:${server.port}/` }), context);

    expectOk(result);
    expect(result.remoteAddress).toBe('127.0.0.1');
    expect(dns.queries).toContainEqual({ name: 'api.lookout.test', type: 'A' });
    expect(result.phases.dnsMs).toBeGreaterThanOrEqual(140);
    expect(result.phases.connectMs).toBeLessThan(140);
    expect(server.requests[0]?.headers.host).toBe(`api.lookout.test:${server.port}`);
  });

  it('fails with DNS_FAILURE, in the dns phase, for a name the server does not know', async () => {
    const dns = await started(startDnsServer({ records: {} }));
    const context = { ...testContext(), resolveHost: dnsServerResolver([dns.address]) };

    const result = await probeCheck(httpCheck({ url: 'http://missing.lookout.test/' }), context);

    expectFailure(result, 'DNS_FAILURE', /missing\.lookout\.test.*ENOTFOUND/);
    expect(result.error?.phase).toBe('dns');
    expect(dns.queries.map((query) => query.name)).toContain('missing.lookout.test');
  });

  it('fails with TIMEOUT in the dns phase when the answer comes after the deadline', async () => {
    const dns = await started(
      startDnsServer({ records: { 'slow.lookout.test': '127.0.0.1' }, delayMs: 1_500 }),
    );
    const context = { ...testContext(), resolveHost: dnsServerResolver([dns.address]) };

    const result = await probeCheck(httpCheck({ url: 'http://slow.lookout.test/', timeoutMs: 300 }), context);

    expectFailure(result, 'TIMEOUT', /DNS lookup of slow\.lookout\.test/);
    expect(result.error?.phase).toBe('dns');
    expect(result.totalMs).toBeLessThan(1_000);
  });

  it('resolves TCP check hosts the same way', async () => {
    const dns = await started(startDnsServer({ records: { 'cache.lookout.test': '127.0.0.1' } }));
    const tcp = await started(startTcpServer({ kind: 'banner', banner: '+PONG\r\n' }));
    const context = { ...testContext(), resolveHost: dnsServerResolver([dns.address]) };

    const result = await probeCheck(
      tcpCheck({ host: 'cache.lookout.test', port: tcp.port, expect: 'PONG' }),
      context,
    );

    expectOk(result);
    expect(dns.queries.map((query) => query.name)).toContain('cache.lookout.test');
  });
});
