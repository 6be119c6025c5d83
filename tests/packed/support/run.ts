import { execFile, spawn } from 'node:child_process';

/** What a finished command printed. */
export interface Output {
  readonly stdout: string;
  readonly stderr: string;
}

/** The settings npm reads from the environment that may stay: cache, registry, proxy, CA. */
const KEPT_NPM_SETTINGS = new Set([
  'npm_config_cache',
  'npm_config_registry',
  'npm_config_cafile',
  'npm_config_proxy',
  'npm_config_https_proxy',
  'npm_config_noproxy',
  'npm_config_userconfig',
]);

/**
 * The environment for a command run in the packed project: without what `pnpm test` puts
 * there about the workspace (`npm_config_local_prefix` would make npm install into the
 * workspace, `npm_package_*` describe it).
 */
export function outsideEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const npmSetting = /^npm_/i.test(key) || /^pnpm_/i.test(key);
    if (!npmSetting || KEPT_NPM_SETTINGS.has(key.toLowerCase())) env[key] = value;
  }
  return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false' };
}

/** Runs a command to its end within `timeoutMs`; rejects with its output on failure. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number },
): Promise<Output> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: outsideEnv(),
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 32 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error === null) return resolve({ stdout, stderr });
        const why = error.killed ? `killed after ${options.timeoutMs} ms` : `exit ${error.code}`;
        reject(new Error(`${command} ${args.join(' ')}: ${why}\n${stdout}\n${stderr}`.trim()));
      },
    );
  });
}

/** A long-running child (the packed mock's CLI) and how to stop it. */
export interface Server {
  /** The issuer the CLI printed. */
  readonly issuer: string;
  /** Stops it with SIGTERM (SIGKILL after 5 s); resolves with its exit code. */
  stop(): Promise<number | null>;
}

/** Starts `command` and waits (at most `timeoutMs`) for its ready banner with an issuer. */
export function startServer(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number },
): Promise<Server> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: outsideEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    const code = await exited;
    clearTimeout(killer);
    return code;
  };
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${command} ${args.join(' ')}: ${why}\n${out}`)));
    };
    const timer = setTimeout(
      () => fail(`not ready after ${options.timeoutMs} ms`),
      options.timeoutMs,
    );
    child.on('error', (error) => fail(error.message));
    const early = (code: number | null) => fail(`exited (${code}) before it was ready`);
    child.on('exit', early);
    child.stdout.on('data', () => {
      const issuer = /issuer\s+(\S+)/.exec(out)?.[1];
      if (issuer === undefined || !out.includes('Press Ctrl+C')) return;
      clearTimeout(timer);
      child.off('exit', early);
      resolve({ issuer, stop });
    });
  });
}
