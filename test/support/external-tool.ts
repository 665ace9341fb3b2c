import { spawnSync } from 'node:child_process';

/** Whether a test that needs an external tool can run, and if not, why it is skipped. */
export interface ExternalTool {
  /** The tool is on the PATH. */
  readonly available: boolean;
  /** Appended to a test's name when the tool is missing: `(skipped: moto_server not installed)`. */
  readonly skipNote: string;
}

/**
 * Looks `command` up on the PATH, for tests that need a tool this project does not install itself
 * (`moto_server` and `cfn-lint` are preinstalled with Python 3.11 on this project's machines, CI included).
 * Outside CI a missing tool skips those tests and says so plainly on the console. Under CI (`CI` set), a
 * missing tool is an error, so a CI run can never pass by skipping them.
 */
export function externalTool(command: string): ExternalTool {
  const available = spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
  if (!available) {
    if (process.env.CI) {
      throw new Error(
        `${command} is required in CI (it is preinstalled on this project's machines) but was not found`,
      );
    }
    console.warn(`SKIPPED: ${command} is not installed, so the tests that need it did not run`);
  }
  return { available, skipNote: available ? '' : ` (skipped: ${command} not installed)` };
}
