import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CheckCommandOptions } from './check-command';
import type { CliIo, ExitCode } from './cli-io';
import type { CostCommandOptions } from './cost-command';
import type { RunCommandOptions } from './run-command';
import { commandUsageTexts, usageText } from './usage';

/** What the command line asked for. */
export type CliRequest =
  | { command: 'help'; topic?: keyof typeof commandUsageTexts }
  | { command: 'version' }
  | { command: 'check'; options: CheckCommandOptions }
  | { command: 'run'; options: RunCommandOptions }
  | { command: 'cost'; options: CostCommandOptions }
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
  const [command, ...extra] = positionals;
  if (values.help) {
    return command !== undefined && Object.hasOwn(commandUsageTexts, command)
      ? { command: 'help', topic: command as keyof typeof commandUsageTexts }
      : { command: 'help' };
  }
  if (values.version) return { command: 'version' };
  if (command === undefined) return { command: 'usage-error', message: 'missing command' };
  if (command !== 'check' && command !== 'run' && command !== 'cost')
    return { command: 'usage-error', message: `unknown command '${command}'` };
  if (extra.length > 0) return { command: 'usage-error', message: `unexpected argument '${extra[0]}'` };
  const misplaced = misplacedOption(command, values);
  if (misplaced !== undefined)
    return { command: 'usage-error', message: `${misplaced} is not an option of 'lookout ${command}'` };
  if (command === 'cost') {
    return {
      command: 'cost',
      options: {
        ...(values.config === undefined ? {} : { configModule: values.config }),
        json: values.json === true,
      },
    };
  }
  const common: CheckCommandOptions = {};
  if (values.config !== undefined) common.configModule = values.config;
  if (values.only !== undefined) {
    const onlyIds = values.only
      .flatMap((list) => list.split(','))
      .map((id) => id.trim())
      .filter(Boolean);
    if (onlyIds.length === 0)
      return { command: 'usage-error', message: '--only needs at least one check id' };
    common.onlyIds = onlyIds;
  }
  if (command === 'check') return { command: 'check', options: { ...common, json: values.json === true } };
  const options: RunCommandOptions = { ...common };
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      return { command: 'usage-error', message: `--port ${values.port} is not a port (0 to 65535)` };
    options.port = port;
  }
  if (values.webhook !== undefined) {
    if (!/^https?:\/\//.test(values.webhook))
      return { command: 'usage-error', message: `--webhook ${values.webhook} is not an http(s) URL` };
    options.webhookUrl = values.webhook;
  }
  if (values['data-dir'] !== undefined) options.dataDir = values['data-dir'];
  return { command: 'run', options };
}

/** The first option given that `command` does not take. */
function misplacedOption(
  command: 'check' | 'run' | 'cost',
  values: { only?: string[]; json?: boolean; port?: string; webhook?: string; 'data-dir'?: string },
): string | undefined {
  if (command === 'cost' && values.only !== undefined) return '--only';
  if (command === 'run' && values.json) return '--json';
  if (command === 'run') return undefined;
  if (values.port !== undefined) return '--port';
  if (values.webhook !== undefined) return '--webhook';
  return values['data-dir'] !== undefined ? '--data-dir' : undefined;
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
      port: { type: 'string' },
      webhook: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
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
      io.stdout.write(request.topic === undefined ? usageText : commandUsageTexts[request.topic]);
      return 0;
    case 'version':
      io.stdout.write(`lookout ${lookoutVersion()} (Node.js ${process.version})\n`);
      return 0;
    case 'usage-error':
      io.stderr.write(`lookout: ${request.message}\n\n${usageText}`);
      return 2;
    case 'check': {
      // Loaded only when needed, so that `--help` and usage errors stay fast.
      const { runCheckCommand } = await import('./check-command');
      return runCheckCommand(request.options, io);
    }
    case 'run': {
      const { runRunCommand } = await import('./run-command');
      return runRunCommand(request.options, io);
    }
    case 'cost': {
      const { runCostCommand } = await import('./cost-command');
      return runCostCommand(request.options, io);
    }
  }
}

/** The version in the project's package.json. */
function lookoutVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return manifest.version ?? 'unknown';
}
