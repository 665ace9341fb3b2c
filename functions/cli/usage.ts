/** The text `lookout --help` prints. */
export const usageText = `Usage: lookout run   [--config <module>] [--only <id,id...>] [--port <n>] [--webhook <url>] [--data-dir <dir>]
       lookout check [--config <module>] [--only <id,id...>] [--json]
       lookout cost  [--config <module>] [--json]

run    Monitors the declared checks from this machine (npm start): probes them on their
       intervals, records every result in an embedded DynamoDB-protocol store, evaluates
       outages, SLOs and certificates like the deployed Lookout, prints a live view and
       alerts, and serves a status page on 127.0.0.1. Ctrl-C stops; data is kept.
check  Runs each declared check once from this machine, prints the results and exits
       non-zero if any failed (for CI).
cost   Estimates the monthly AWS bill of the declared monitor, line by line, at list
       prices, next to CloudWatch Synthetics, Checkly and Route 53 for the same checks.

Options:
  --config <module>  The module whose default export is the monitor (defineMonitor).
                     Default: checks/index.ts, relative to the current directory.
  --only <ids>       Only these check ids, comma-separated; may be repeated.
  --json             check: print {"results": [...]} on stdout, and nothing else.
                     cost: print the estimate as JSON.
  --port <n>         run: the status page's port on 127.0.0.1. Default: 4319.
  --webhook <url>    run: also POST each alert's JSON event (lookout.event.v1) to this URL.
  --data-dir <dir>   run: where the embedded store keeps its data. Default: .lookout
  -h, --help         Show this help; lookout <command> --help shows the command's own.
  -v, --version      Show Lookout's version and the Node.js it runs on.

Secrets: secret('/lookout/orders-token') is read from the environment variable
LOOKOUT_SECRET_LOOKOUT_ORDERS_TOKEN.
LOOKOUT_DYNAMODB_ENDPOINT: run against this DynamoDB endpoint instead of the embedded store.

Exit codes: 0 every check passed (run: stopped cleanly), 1 a check failed,
            2 bad usage, the module could not be loaded, or invalid declarations.
`;

/** The text `lookout cost --help` prints. */
export const costUsageText = `Usage: lookout cost [--config <module>] [--json]

Estimates what the declared monitor costs a month on AWS, as it would be deployed (checks
placed only in 'local' left out): each line with its quantity, unit, list price and USD,
the total, and the USD per check-month; then what the same checks would cost with
CloudWatch Synthetics, Checkly API checks and Route 53 health checks.

Prices are AWS list prices of us-east-1 in USD, with the date they were checked, from
functions/core/cost/price-list.ts; no free tier is subtracted. What the handlers do per
check, round and invocation (requests, bytes, milliseconds) is in
functions/core/cost/usage-model.ts; targets are assumed healthy (no retries or timeouts).

Options:
  --config <module>  The module whose default export is the monitor (defineMonitor).
                     Default: checks/index.ts, relative to the current directory.
  --json             Print the estimate as JSON (lines, total, usage, comparison), and nothing else.
  -h, --help         Show this help.

Exit codes: 0 the estimate was printed, 2 bad usage, the module could not be loaded,
            or invalid declarations.
`;

/** The text `lookout check --help` prints. */
export const checkUsageText = `Usage: lookout check [--config <module>] [--only <id,id...>] [--json]

Runs each declared check once from this machine (whatever regions it declares; results are
recorded with region 'local'), up to 20 at a time, prints one row per check with every
phase's latency and what failed, and exits non-zero if any check failed: for CI, or to try
a declaration before deploying it. The engine warms itself up before the first measured
probe, so a one-shot run's latencies compare with a long-running monitor's.

Options:
  --config <module>  The module whose default export is the monitor (defineMonitor), or a
                     directory with an index.ts. Default: checks/index.ts, relative to the
                     current directory.
  --only <ids>       Only these check ids, comma-separated; may be repeated.
  --json             Print {"results": [ProbeResult, ...]} on stdout, and nothing else.
  -h, --help         Show this help.

Secrets: secret('/lookout/orders-token') is read from the environment variable
LOOKOUT_SECRET_LOOKOUT_ORDERS_TOKEN.

Exit codes: 0 every check passed (degraded ones included), 1 a check failed,
            2 bad usage, the module could not be loaded, or invalid declarations.
`;

/** The text `lookout run --help` prints. */
export const runUsageText = `Usage: lookout run [--config <module>] [--only <id,id...>] [--port <n>] [--webhook <url>]
                   [--data-dir <dir>]

The local monitor (npm start): probes every check at once, then on its interval, from this
machine, records every result in an embedded DynamoDB-protocol store, and evaluates outages,
SLOs, certificates and missing probes with the same evaluator as the deployed Lookout. On a
terminal it shows one line per check, redrawn in place, with alerts printed above it; piped,
it prints a line per change. Ctrl-C stops it: no new probe starts, those in flight finish,
and the data is kept for the next run.

Options:
  --config <module>  The module whose default export is the monitor (defineMonitor), or a
                     directory with an index.ts. Default: checks/index.ts.
  --only <ids>       Only these check ids, comma-separated; may be repeated.
  --port <n>         The status page's port on 127.0.0.1. Default: 4319; 0 picks a free one.
  --webhook <url>    Also POST each alert's JSON event (lookout.event.v1) to this URL. The
                     terminal never waits for it; an alert it does not accept (2xx) waits,
                     in order, and is tried again 10s later, then after 20s, 40s and every
                     minute while lookout run runs.
  --data-dir <dir>   Where the embedded store keeps its data. Default: .lookout. One
                     lookout run at a time may use a directory: give a second one its own
                     --data-dir (and --port).
  -h, --help         Show this help.

LOOKOUT_DYNAMODB_ENDPOINT: use this DynamoDB endpoint instead of the embedded store.

Exit codes: 0 stopped cleanly, 2 bad usage, the module could not be loaded, invalid
            declarations, the data directory or the port is in use.
`;

/** The help text of each command. */
export const commandUsageTexts = {
  check: checkUsageText,
  run: runUsageText,
  cost: costUsageText,
} as const;
