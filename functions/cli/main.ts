import { parseArgs } from 'node:util';
import type { CheckCommandOptions } from './check-command';
import type { CliIo, ExitCode } from './cli-io';
import { usageText } from './usage';

/** What the command line asked for. */
export type CliRequest =
  | { command: 'help' }
  | { command: 'check'; options: CheckCommandOptions }
  | { command: 'usage-error'; message: string };

/** Parses `lookout` arguments (without `node` and the script path). Never throws. */
export function parseCliArgs(argv: readonly string[]): CliRequest {
  let parsed: ReturnType<typeof parseCheckArgs>;
  try {
    parsed = parseCheckArgs(argv);
  } catch (error) {
    return { command: 'usage-error', message: describeParseError(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const [command, ...extra] = positionals;
  if (command === undefined) return { command: 'usage-error', message: 'missing command' };
  if (command !== 'check') return { command: 'usage-error', message: `unknown command '${command}'` };
  if (extra.length > 0) return { command: 'usage-error', message: `unexpected argument '${extra[0]}'` };
  const options: CheckCommandOptions = { json: values.json === true };
  if (values.config !== undefined) options.configModule = values.config;
  if (values.only !== undefined) {
    const onlyIds = values.only
      .flatMap((list) => list.split(','))
      .map((id) => id.trim())
      .filter(Boolean);
    if (onlyIds.length === 0)
      return { command: 'usage-error', message: '--only needs at least one check id' };
    options.onlyIds = onlyIds;
  }
  return { command: 'check', options };
}

function parseCheckArgs(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      config: { type: 'string' },
      only: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** parseArgs' message, without its advice about `--` for an unknown option. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknownOption = /^Unknown option '([^']+)'/.exec(message);
  return unknownOption ? `unknown option '${unknownOption[1]}'` : message;
}

/** Runs the `lookout` command line and returns its exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const request = parseCliArgs(argv);
  switch (request.command) {
    case 'help':
      io.stdout.write(usageText);
      return 0;
    case 'usage-error':
      io.stderr.write(`lookout: ${request.message}\n\n${usageText}`);
      return 2;
    case 'check': {
      // Loaded only when needed, so that `--help` and usage errors stay fast.
      const { runCheckCommand } = await import('./check-command');
      return runCheckCommand(request.options, io);
    }
  }
}
