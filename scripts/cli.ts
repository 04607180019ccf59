/** What the command-line tools share: configuration and audit secrets as the server reads them, options, errors. */
import { parseArgs } from 'node:util';
import { type AuditSecrets, loadAuditSecrets, setAuditSecrets } from '../server/platform/audit/audit.key.js';
import { type Config, ConfigError, loadConfigOrExit } from '../server/platform/config.js';
import { AppError } from '../server/platform/errors.js';

/**
 * The `--name value` options of a tool; an unknown option, or a missing `required` one, prints the usage and exits
 * with code 1.
 */
export function requireOptions<T extends string>(names: readonly T[], required: readonly T[], usage: string) {
  const spec = Object.fromEntries(names.map((name) => [name, { type: 'string' as const }]));
  let values: Partial<Record<T, string>> | undefined;
  try {
    values = parseArgs({ options: spec, strict: true }).values as Partial<Record<T, string>>;
  } catch (err) {
    console.error((err as Error).message);
  }
  if (!values || required.some((name) => !values[name])) {
    console.error(`用法 / usage: ${usage}`);
    process.exit(1);
  }
  return values as Partial<Record<T, string>> & Record<(typeof required)[number], string>;
}

/**
 * Runs a tool with the configuration and audit secrets of the server (the key must exist: tools never make one);
 * a configuration or rule error prints its message and exits with code 1, as `main` returning false does.
 */
export async function runTool(main: (config: Config, secrets: AuditSecrets) => Promise<boolean>): Promise<void> {
  try {
    const config = loadConfigOrExit();
    const secrets = loadAuditSecrets(config.audit, { create: false });
    setAuditSecrets(secrets);
    process.exitCode = (await main(config, secrets)) ? 0 : 1;
  } catch (err) {
    if (!(err instanceof AppError || err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exitCode = 1;
  }
}
