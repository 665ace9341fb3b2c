// Example monitor: replace these checks with your own endpoints before you deploy.
// The hosts below are public services used only as placeholders. Secrets are referenced by
// SSM parameter name and never written here. `npm start` monitors these checks from this machine;
// `npm run check` probes each once.
import { defineMonitor, expect, http, secret, tcp, tls } from '../functions/core';

export default defineMonitor({
  homeRegion: 'us-east-1',
  regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
  alerts: { email: ['oncall@example.com'] },
  defaults: { interval: '1m', timeout: '10s', retries: 1 },
  retention: '30d',
  checks: [
    // A JSON API: status, body fields, latency, certificate, and a credential read at run time.
    http({
      id: 'status-api',
      name: 'Status API',
      url: 'https://www.githubstatus.com/api/v2/status.json',
      headers: {
        accept: 'application/json',
        // Create it first: aws ssm put-parameter --type SecureString --name /lookout/status-api-key --value …
        'x-api-key': secret('/lookout/status-api-key'),
      },
      assert: [
        expect.status().equals(200),
        expect.header('content-type').contains('json'),
        expect.jsonBody('$.page.name').equals('GitHub'),
        expect.jsonBody('$.status.indicator').oneOf(['none', 'minor']),
        expect.latency().lessThan('2s'),
        expect.latency('tls').lessThan('500ms'),
        expect.certificate().daysUntilExpiry().greaterThan(14),
      ],
      degradedLatency: '1s',
      slo: { availability: 99.9, latency: { threshold: '800ms', target: 99 }, window: '30d' },
      alert: { regionsToFail: 2, consecutiveFailures: 2 },
      tags: ['api', 'team:platform'],
    }),
    // A web page, from two of the three regions, every five minutes.
    http({
      id: 'website',
      name: 'Marketing site',
      url: 'https://example.com/',
      regions: ['us-east-1', 'eu-west-1'],
      interval: '5m',
      maxRedirects: 3,
      assert: [expect.body().matches(/<title>[^<]*Example/i), expect.latency('ttfb').lessThan(1500)],
    }),
    // A raw TCP service that greets first: connect and wait for the banner.
    tcp({
      id: 'smtp',
      host: 'smtp.gmail.com',
      port: 587,
      expect: /^220 /,
      timeout: '5s',
      assert: [expect.latency('connect').lessThan('1s')],
    }),
    // Placed only in 'local': never deployed. It probes the status page `npm start` serves on this
    // machine, so the local monitor always has one check it can reach without the internet.
    http({
      id: 'local-status-page',
      name: 'Local status page',
      url: 'http://127.0.0.1:4319/health',
      regions: ['local'],
      interval: '10s',
      timeout: '2s',
      assert: [expect.status().equals(200), expect.jsonBody('$.status').equals('ok')],
    }),
    // A certificate watch: fails when fewer than 14 days are left, once an hour.
    tls({
      id: 'example-cert',
      host: 'example.com',
      minDaysValid: 14,
      minVersion: 'TLSv1.2',
      interval: '1h',
    }),
  ],
});
