/**
 * `dinhdanh-mock-idp`: starts the mock identity provider from flags, `DINHDANH_MOCK_*`
 * environment variables and a JSON config file (flags win over the environment, which
 * wins over the file). Exit codes: 0 after SIGINT/SIGTERM, 1 when the server cannot
 * start, 2 for bad usage or a bad config file.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isDinhDanhError } from '@dinhdanh/core';
import { loadConfigFile } from './config-file';
import { endpointUrl, PATHS } from './context';
import type { RunningMockIdp, StartMockIdpOptions } from './node';
import { DEV_CLIENT, type MockIdpOptions } from './options';

const USAGE = `Usage: dinhdanh-mock-idp [options]

A local OpenID Provider that plays VNeID, PostID and the DVCQG portal, with synthetic
Vietnamese personas. Synthetic data only; never expose it to the internet.

Options:
  --port <n>          TCP port (0 = any free port)       [env DINHDANH_MOCK_PORT, default 9400]
  --host <addr>       interface to bind                  [env DINHDANH_MOCK_HOST, default 127.0.0.1]
  --issuer <url>      issuer URL, if not the bound URL   [env DINHDANH_MOCK_ISSUER]
  --config <file>     JSON file: clients, personas, dialect, lifetimes, signingAlg
                                                         [env DINHDANH_MOCK_CONFIG]
  --auto-approve      login_hint logs in without picker or consent (CI)
                                                         [env DINHDANH_MOCK_AUTO_APPROVE=1]
  --admin             serve the fault-injection API under /__mock/
                                                         [env DINHDANH_MOCK_ADMIN=1]
  -h, --help          show this help
  -v, --version       show the version

With no --config, one development client is registered:
  client_id ${DEV_CLIENT.clientId}
  client_secret ${DEV_CLIENT.clientSecret}
  redirect URIs ${DEV_CLIENT.redirectUris.join(', ')}
`;

/** A usage problem: reported with the usage hint and exit code 2. */
class UsageError extends Error {}

/** What the command line and environment ask for. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'start';
      readonly port: number;
      readonly host: string;
      readonly issuer?: string;
      readonly config?: string;
      readonly autoApprove?: boolean;
      readonly admin?: boolean;
    };

function envFlag(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new UsageError(`${name} must be 1/true or 0/false`);
}

function parsePort(source: string, value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535) {
    throw new UsageError(`${source} must be a port number from 0 to 65535`);
  }
  return Number(value);
}

/**
 * Reads flags and `DINHDANH_MOCK_*` variables into a command; flags win.
 *
 * @throws UsageError for unknown flags or bad values.
 */
export function parseCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        issuer: { type: 'string' },
        config: { type: 'string' },
        'auto-approve': { type: 'boolean' },
        admin: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : 'bad arguments');
  }
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };

  const portText = values.port ?? env.DINHDANH_MOCK_PORT;
  const port =
    portText === undefined || portText === ''
      ? 9400
      : parsePort(values.port === undefined ? 'DINHDANH_MOCK_PORT' : '--port', portText);
  const issuer = values.issuer ?? (env.DINHDANH_MOCK_ISSUER || undefined);
  const config = values.config ?? (env.DINHDANH_MOCK_CONFIG || undefined);
  const autoApprove =
    values['auto-approve'] ?? envFlag('DINHDANH_MOCK_AUTO_APPROVE', env.DINHDANH_MOCK_AUTO_APPROVE);
  const admin = values.admin ?? envFlag('DINHDANH_MOCK_ADMIN', env.DINHDANH_MOCK_ADMIN);
  return {
    kind: 'start',
    port,
    host: values.host ?? (env.DINHDANH_MOCK_HOST || '127.0.0.1'),
    ...(issuer === undefined ? {} : { issuer }),
    ...(config === undefined ? {} : { config }),
    ...(autoApprove === undefined ? {} : { autoApprove }),
    ...(admin === undefined ? {} : { admin }),
  };
}

function packageVersion(): string {
  // src/cli.ts and dist/cli.js both sit one level below the package root.
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}

/**
 * What to do next, with the development client. No authorize link: it would end on
 * `localhost:3000`, where nothing listens until the reader's own app does.
 */
function nextSteps(issuer: string): string[] {
  return [
    '',
    'Next:',
    `  Connect your app: issuer ${issuer}, client_id ${DEV_CLIENT.clientId}, redirect URI`,
    `    ${DEV_CLIENT.redirectUris[1]} (exact match; your own with --config <file>).`,
    '    Step by step: docs/getting-started.md in the dinhdanh repository.',
    '  See it with example apps: in a clone of the dinhdanh repository, `npx -y pnpm@10 demo`',
    '    starts this mock with the examples and prints what to try at each URL.',
  ];
}

interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Runs the command line. Resolves with an exit code for commands that end by
 * themselves (help, version, errors); after a successful start it resolves only when a
 * signal stopped the server.
 */
export async function runCli(
  argv: readonly string[] = process.argv.slice(2),
  env: Readonly<Record<string, string | undefined>> = process.env,
  io: CliIo = processIo,
): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCommand(argv, env);
  } catch (error) {
    io.err(`dinhdanh-mock-idp: ${error instanceof Error ? error.message : 'bad arguments'}`);
    io.err('Run dinhdanh-mock-idp --help for usage.');
    return 2;
  }
  if (command.kind === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command.kind === 'version') {
    io.out(packageVersion());
    return 0;
  }

  let fileOptions: MockIdpOptions = {};
  if (command.config !== undefined) {
    try {
      fileOptions = await loadConfigFile(command.config);
    } catch (error) {
      const message = isDinhDanhError(error) ? error.message : `${command.config}: cannot load`;
      io.err(`dinhdanh-mock-idp: invalid config file\n${message}`);
      return 2;
    }
  }

  const options: StartMockIdpOptions = {
    ...fileOptions,
    port: command.port,
    host: command.host,
    ...(command.issuer === undefined ? {} : { issuer: command.issuer }),
    ...(command.autoApprove === undefined ? {} : { autoApprove: command.autoApprove }),
    ...(command.admin === undefined ? {} : { admin: command.admin }),
  };

  // Listen for signals from the start, so a stop during startup is not a crash.
  let signalled = false;
  let onSignal = () => {
    signalled = true;
  };
  const handler = () => onSignal();
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  const detach = () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };

  let running: RunningMockIdp;
  try {
    // Loaded here so --help, --version and usage errors answer without loading the provider.
    const { startMockIdp } = await import('./node');
    running = await startMockIdp(options);
  } catch (error) {
    detach();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      io.err(
        `dinhdanh-mock-idp: ${command.host}:${command.port} is in use; pass --port <other> or --port 0`,
      );
    } else if (isDinhDanhError(error)) {
      io.err(`dinhdanh-mock-idp: ${error.code}: ${error.message}`);
      return 2;
    } else {
      io.err(
        `dinhdanh-mock-idp: cannot start (${error instanceof Error ? error.message : 'unknown error'})`,
      );
    }
    return 1;
  }

  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    onSignal = () => {
      if (stopping) return;
      stopping = true;
      running.close().then(
        () => resolve(0),
        () => resolve(0),
      );
    };
  });
  if (signalled) onSignal();

  const lines = [
    `dinhdanh mock identity provider ready`,
    `  issuer     ${running.issuer}`,
    `  discovery  ${endpointUrl(running, PATHS.discovery)}`,
  ];
  if (running.url !== running.issuer) lines.push(`  listening  ${running.url}`);
  if (options.admin === true) lines.push(`  admin API  ${running.issuer}/__mock/`);
  lines.push(`  personas   ${running.idp.personas.map((p) => p.id).join(', ')}`);
  lines.push(
    options.autoApprove === true
      ? '             (login_hint=<persona> logs in with no page: auto-approve is on)'
      : '             (login_hint=<persona> preselects one; --auto-approve skips the pages)',
  );
  if (command.config === undefined) {
    lines.push(
      `  dev client client_id=${DEV_CLIENT.clientId} client_secret=${DEV_CLIENT.clientSecret}`,
    );
    lines.push(...nextSteps(running.issuer));
  }
  lines.push('', 'Press Ctrl+C to stop.');
  io.out(lines.join('\n'));

  const code = await stopped;
  detach();
  return code;
}
