import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkKinds,
  isProbedKind,
  measuredPhases,
  type ProbedKind,
  usesTls,
} from '../../functions/core/check-kinds';
import type { PhaseTimings, ProbePhase } from '../../functions/core/probe-result';
import type { ResolvedProbedCheck } from '../../functions/core/resolve/resolved-monitor';
import { type HostResolver, probeCheck } from '../../functions/probe';
import { type TestCertificates, testCertificates } from '../support/certificates';
import { closeAfterEach } from '../support/close-after-each';
import { expectOk } from '../support/probe-expectations';
import { httpCheck, tcpCheck, testContext, tlsCheck } from '../support/resolved-checks';
import { startHttpServer, startTcpServer } from '../support/servers';

const started = closeAfterEach();

let certificates: TestCertificates;
beforeAll(async () => {
  certificates = await testCertificates();
});

/** `localhost` is 127.0.0.1 after a short wait, so that every probe has a DNS phase to measure. */
const slowLocalResolver: HostResolver = async () => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  return ['127.0.0.1'];
};

const phaseFields: Record<ProbePhase, keyof PhaseTimings> = {
  dns: 'dnsMs',
  connect: 'connectMs',
  tls: 'tlsMs',
  ttfb: 'ttfbMs',
  transfer: 'transferMs',
};

/** A check of each kind against a local server that gives every phase it can have some time. */
const probedChecks: Record<ProbedKind, Array<{ name: string; check: () => Promise<ResolvedProbedCheck> }>> = {
  http: [
    {
      name: 'https: URL',
      check: async () => {
        const server = await started(
          startHttpServer({
            tls: certificates.valid,
            respond: { kind: 'trickle', chunks: ['one,', 'two'], intervalMs: 20 },
          }),
        );
        return httpCheck({
          url: `https://localhost:${new URL(server.url).port}/`,
          tls: { ca: certificates.ca.certPem },
        });
      },
    },
    {
      name: 'http: URL',
      check: async () => {
        const server = await started(
          startHttpServer({ respond: { kind: 'trickle', chunks: ['one,', 'two'], intervalMs: 20 } }),
        );
        return httpCheck({ url: `http://localhost:${new URL(server.url).port}/` });
      },
    },
  ],
  tcp: [
    {
      name: 'expecting a reply',
      check: async () => {
        const server = await started(
          startTcpServer({ kind: 'trickle', chunks: ['hel', 'lo'], intervalMs: 20 }),
        );
        return tcpCheck({ host: 'localhost', port: server.port, expect: 'hello' });
      },
    },
  ],
  tls: [
    {
      name: 'a handshake',
      check: async () => {
        const server = await started(startHttpServer({ tls: certificates.valid }));
        return tlsCheck({ host: 'localhost', port: server.port, tls: { ca: certificates.ca.certPem } });
      },
    },
  ],
};

describe('probers', () => {
  describe.each(checkKinds.filter(isProbedKind))(
    'a %s check measures the phases of its row in the kinds table',
    (kind) => {
      it.each(probedChecks[kind])('$name', async ({ check: makeCheck }) => {
        const check = await makeCheck();
        const result = await probeCheck(check, { ...testContext(), resolveHost: slowLocalResolver });

        expectOk(result);
        const measured = (Object.keys(phaseFields) as ProbePhase[]).filter(
          (phase) => result.phases[phaseFields[phase]] > 0,
        );
        expect(measured).toEqual(measuredPhases(kind, usesTls(check) ?? false));
      });
    },
  );
});
