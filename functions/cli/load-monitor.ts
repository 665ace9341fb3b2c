import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeError } from '../core/lookout-error';

/** The config module `lookout check` loads when `--config` is not given, relative to the current directory. */
export const defaultConfigModule = 'checks/index.ts';

/** The files a directory given as the config module is loaded from, the first found. */
const directoryIndexFiles = ['index.ts', 'index.mts', 'index.js', 'index.mjs'];

/** The default export of the config module (not yet validated), or why it could not be loaded. */
export type LoadedMonitorModule =
  | { ok: true; declaration: unknown; modulePath: string }
  | { ok: false; message: string };

/**
 * Imports the config module (TypeScript or JavaScript) and returns its default export.
 * A missing file, an import failure or a missing default export is returned as a message, never thrown.
 */
export async function loadMonitorModule(
  configModule: string | undefined,
  cwd: string,
): Promise<LoadedMonitorModule> {
  let modulePath = resolve(cwd, configModule ?? defaultConfigModule);
  if (!existsSync(modulePath)) {
    return { ok: false, message: `config module not found: ${modulePath}` };
  }
  if (statSync(modulePath).isDirectory()) {
    const index = directoryIndexFiles.map((name) => join(modulePath, name)).find((path) => existsSync(path));
    if (index === undefined) {
      return {
        ok: false,
        message: `config module ${modulePath} is a directory with no index.ts; give --config the module file, such as ${join(modulePath, 'index.ts')}`,
      };
    }
    modulePath = index;
  }
  let moduleNamespace: Record<string, unknown>;
  try {
    moduleNamespace = await import(pathToFileURL(modulePath).href);
  } catch (error) {
    // Node names this loader as the importer ("imported from .../load-monitor.ts"): not the user's concern.
    const reason = describeError(error).replace(` imported from ${fileURLToPath(import.meta.url)}`, '');
    return { ok: false, message: `could not load ${modulePath}: ${reason}` };
  }
  const declaration = unwrapDefaultExport(moduleNamespace);
  if (declaration === undefined) {
    return {
      ok: false,
      message: `${modulePath} has no default export: end it with \`export default defineMonitor({ ... })\``,
    };
  }
  return { ok: true, declaration, modulePath };
}

/** The default export, also when a TypeScript file outside a `"type": "module"` package was loaded as CommonJS. */
function unwrapDefaultExport(moduleNamespace: Record<string, unknown>): unknown {
  const exported = moduleNamespace.default;
  if (isObject(exported) && exported.__esModule === true) return exported.default;
  return exported;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
