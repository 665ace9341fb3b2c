/** Reads required environment variables at cold start; one error names every missing one. */
export function requireEnvironment<const Name extends string>(
  names: readonly Name[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Record<Name, string> {
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`missing environment variables: ${missing.join(', ')}`);
  return Object.fromEntries(names.map((name) => [name, env[name]])) as Record<Name, string>;
}

/** Reads environment variables the infrastructure sets only where they apply; an empty one counts as unset. */
export function optionalEnvironment<const Name extends string>(
  names: readonly Name[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Partial<Record<Name, string>> {
  return Object.fromEntries(names.filter((name) => env[name]).map((name) => [name, env[name]])) as Partial<
    Record<Name, string>
  >;
}
