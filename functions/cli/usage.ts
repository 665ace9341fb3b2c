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
  -h, --help         Show this help (lookout cost --help: the cost command's).

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
