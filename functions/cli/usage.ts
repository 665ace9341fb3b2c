/** The text `lookout --help` prints. */
export const usageText = `Usage: lookout check [--config <module>] [--only <id,id...>] [--json]

Runs each declared check once from this machine and prints the results.

Options:
  --config <module>  The module whose default export is the monitor (defineMonitor).
                     Default: checks/index.ts, relative to the current directory.
  --only <ids>       Run only these check ids, comma-separated; may be repeated.
  --json             Print {"results": [...]} on stdout, and nothing else.
  -h, --help         Show this help.

Secrets: secret('/lookout/orders-token') is read from the environment variable
LOOKOUT_SECRET_LOOKOUT_ORDERS_TOKEN.

Exit codes: 0 every check passed, 1 a check failed,
            2 bad usage, the module could not be loaded, or invalid declarations.
`;
