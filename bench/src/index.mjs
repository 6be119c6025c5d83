// `pnpm bench`: headless logins per second against the dinhdanh mock, oidc-provider 9 and
// MockPass, measured side by side in one run with openid-client 6 as the relying party,
// plus the mock CLI's start-to-ready time; then @dinhdanh/core against jose, openid-client
// and @auth/core (src/core/). Prints markdown tables and the ratios.
// then the VNeID partner protocol (src/partner.mjs), then @dinhdanh/react's bundle size
// against react-oidc-context (src/react-size.mjs), then @dinhdanh/express against bare
// Express and express-openid-connect (src/express/).
// then the load and soak of the bank-like Express app (src/soak/).
// `BENCH_ONLY=mock`, `core`, `partner`, `react`, `express` or `soak` runs one part.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair } from 'jose';
import { loginRates, median } from './measure.mjs';
import { startProcess, stopProcess } from './processes.mjs';
import { mockpassLogin } from './mockpass-rp.mjs';
import { configure, login } from './rp.mjs';
import { coreReport } from './core/report.mjs';
import { environmentLine } from './core/env.mjs';
import { partnerReport } from './partner.mjs';
import { expressReport } from './express/report.mjs';
import { reactSizeReport } from './react-size.mjs';
import { soakReport } from './soak/report.mjs';

const WARMUP = Number(process.env.BENCH_WARMUP ?? 50);
const LOGINS_1 = Number(process.env.BENCH_LOGINS_1 ?? 150);
const LOGINS_8 = Number(process.env.BENCH_LOGINS_8 ?? 400);
// Rounds interleave the providers, so a burst of load from elsewhere on the machine
// hits all of them; each rate is the median of its rounds.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLI_STARTS = Number(process.env.BENCH_CLI_STARTS ?? 7);
const REDIRECT_URI = 'http://127.0.0.1:3000/callback';
const CLIENT_ID = 'bench-rp';
const PERSONA = 'citizen-l2';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const MOCK_BIN = here('../../packages/mock-idp/bin/dinhdanh-mock-idp.js');
const ISSUER_LINE = /issuer\s+(\S+)/;

async function rpKeys() {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid: 'bench-rp', alg: 'ES256', use: 'sig' };
  return { publicJwk, privateKey, kid: 'bench-rp' };
}

async function startDinhdanh(dir, publicJwk) {
  const file = join(dir, 'mock-idp.json');
  const config = {
    autoApprove: true,
    clients: [
      {
        clientId: CLIENT_ID,
        name: 'Bench RP',
        redirectUris: [REDIRECT_URI],
        authMethods: ['private_key_jwt'],
        jwks: { keys: [publicJwk] },
      },
    ],
  };
  await writeFile(file, JSON.stringify(config));
  const started = await startProcess([MOCK_BIN, '--port', '0', '--config', file], {
    ready: ISSUER_LINE,
  });
  return { child: started.child, issuer: started.match[1] };
}

async function startPeer(script, env) {
  const started = await startProcess([here(`./servers/${script}`)], { ready: /READY (\S+)/, env });
  return { child: started.child, issuer: started.match[1] };
}

async function cliStartToReady() {
  const times = [];
  for (let i = 0; i < CLI_STARTS; i += 1) {
    const started = await startProcess([MOCK_BIN, '--port', '0'], { ready: /ready/ });
    times.push(started.ms);
    const code = await stopProcess(started.child);
    if (code !== 0) throw new Error(`the mock CLI exited with ${code} after SIGTERM`);
  }
  return times;
}

const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

async function mockBench() {
  const dir = await mkdtemp(join(tmpdir(), 'dinhdanh-bench-'));
  const rp = await rpKeys();
  const client = { clientId: CLIENT_ID, redirectUri: REDIRECT_URI, publicJwk: rp.publicJwk };
  const children = [];
  try {
    const ours = await startDinhdanh(dir, rp.publicJwk);
    children.push(ours.child);
    const op = await startPeer('oidc-provider.mjs', { BENCH_CLIENT: JSON.stringify(client) });
    children.push(op.child);
    const mp = await startPeer('mockpass.mjs', {});
    children.push(mp.child);

    const rpAuth = { clientId: CLIENT_ID, signingKey: rp.privateKey, kid: rp.kid };
    const targets = [
      {
        name: '@dinhdanh/mock-idp',
        flow: 'PAR + authorize + token + userinfo',
        run: await configure({ issuer: ours.issuer, ...rpAuth }).then(
          (config) => () => login(config, { redirectUri: REDIRECT_URI, loginHint: PERSONA }),
        ),
      },
      {
        name: 'oidc-provider 9',
        flow: 'PAR + authorize + interaction + token + userinfo',
        run: await configure({ issuer: op.issuer, ...rpAuth }).then(
          (config) => () => login(config, { redirectUri: REDIRECT_URI, loginHint: PERSONA }),
        ),
      },
      {
        name: '@opengovsg/mockpass 4',
        flow: 'its own: authorize + token, JWE ID token (no PAR, PKCE or userinfo); RP on jose',
        run: await mockpassLogin(mp.issuer, { clientId: CLIENT_ID, redirectUri: REDIRECT_URI }),
      },
    ];

    await loginRates(targets, {
      warmup: WARMUP,
      logins1: LOGINS_1,
      logins8: LOGINS_8,
      rounds: ROUNDS,
    });

    const cli = await cliStartToReady();
    const [ourRow] = targets;
    const lines = [
      `Headless logins per second, openid-client 6 as the relying party, private_key_jwt (ES256), PKCE S256.`,
      `Each provider in its own process on 127.0.0.1; warm-up ${WARMUP} logins each at 1 and at 8 in flight; then ${ROUNDS} interleaved rounds (the order alternating) of ${LOGINS_1} logins at 1 in flight and ${LOGINS_8} at 8; each rate is the median of its rounds.`,
      environmentLine(),
      '',
      '| provider | flow | logins/s, 1 in flight | logins/s, 8 in flight | mock-idp ratio at 1 | mock-idp ratio at 8 |',
      '| --- | --- | ---: | ---: | ---: | ---: |',
      ...targets.map(
        (t) =>
          `| ${t.name} | ${t.flow} | ${fmt(t.at1)} | ${fmt(t.at8)} | ${(ourRow.at1 / t.at1).toFixed(2)}x | ${(ourRow.at8 / t.at8).toFixed(2)}x |`,
      ),
      '',
      `| CLI start to ready (\`dinhdanh-mock-idp --port 0\`, ${CLI_STARTS} starts) | median ${median(cli).toFixed(0)} ms | min ${Math.min(...cli).toFixed(0)} ms | max ${Math.max(...cli).toFixed(0)} ms |`,
      '| --- | ---: | ---: | ---: |',
      '',
      `At 8 in flight the mock does ${(ourRow.at8 / targets[1].at8).toFixed(2)}x oidc-provider's logins/s and ${(ourRow.at8 / targets[2].at8).toFixed(2)}x MockPass's (MockPass's flow is shorter: no PAR and no userinfo).`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await Promise.all(children.map((child) => stopProcess(child)));
    await rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  const only = process.env.BENCH_ONLY;
  const runs = (part) => only === undefined || only === '' || only === part;
  let first = true;
  const gap = () => {
    if (!first) process.stdout.write('\n');
    first = false;
  };
  if (runs('mock')) {
    gap();
    process.stdout.write('## @dinhdanh/mock-idp against its peers\n\n');
    await mockBench();
  }
  if (runs('core')) {
    gap();
    process.stdout.write(`${(await coreReport()).join('\n')}\n`);
  }
  if (runs('partner')) {
    gap();
    process.stdout.write(`${(await partnerReport()).join('\n')}\n`);
  }
  if (runs('express')) {
    gap();
    await expressReport();
  }
  if (runs('soak')) {
    gap();
    await soakReport();
  }
  if (runs('react')) {
    gap();
    process.stdout.write(`${(await reactSizeReport()).join('\n')}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
