// The VNeID partner protocol (DOMAIN.md dialect 5): envelope decoding per crypto backend
// available in this process (ECB and CBC), then full partner logins with @dinhdanh/core's
// vneidPartner() profile against the mock CLI, beside a standard OpenID Connect login of
// core against the SAME mock process in the same run, printed as a ratio.
// `BENCH_ONLY=partner` runs only this part.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRelyingParty } from '@dinhdanh/core';
import {
  decryptCode,
  encryptCode,
  importPartnerPrivateKey,
  openEnvelope,
  partnerCryptoBackend,
  sealEnvelope,
  vneidPartner,
} from '@dinhdanh/core/vneid-partner';
import { environmentLine, fmt, ratio } from './core/env.mjs';
import { loginRates, median, throughput } from './measure.mjs';
import { startProcess, stopProcess } from './processes.mjs';
import { followToCallback } from './rp.mjs';

const DECODES = Number(process.env.BENCH_PARTNER_DECODES ?? 300);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 50);
const LOGINS_1 = Number(process.env.BENCH_LOGINS_1 ?? 150);
const LOGINS_8 = Number(process.env.BENCH_LOGINS_8 ?? 400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REDIRECT_URI = 'http://127.0.0.1:3000/callback';
const SECRET = 'bench-partner-secret-0123456789-abcdefgh';
const MOCK_BIN = fileURLToPath(
  new URL('../../packages/mock-idp/bin/dinhdanh-mock-idp.js', import.meta.url),
);

/** A synthetic userinfo body of the size the mock sends (one citizen, camelCase). */
const USERINFO = {
  citizenPid: '001085012345',
  fullName: 'Nguyễn Văn An',
  birthDate: '14/03/1985',
  gender: 'Nam',
  nationality: 'VN',
  accountType: 'CITIZEN',
  accountLevel: 2,
  phoneNumber: '0912345678',
  email: 'an.nguyen@example.com',
  permanentAddress: 'Số 12 Phố Huế, Phường Hai Bà Trưng, Hà Nội',
};

/** The backends this process can run: `forge` always, `node` only where the probe allows it. */
async function backends() {
  const list = [];
  for (const backend of ['auto', 'node', 'forge']) {
    try {
      const info = await partnerCryptoBackend(backend);
      list.push({
        backend,
        label: `${backend} (RSA ${info.rsa}, padding removed by ${info.rsaPadding}, AES ${info.aes})`,
      });
    } catch (error) {
      list.push({ backend, skipped: error?.code ?? 'error' });
    }
  }
  return list;
}

async function decodeTable(keys) {
  const privateKey = importPartnerPrivateKey(keys.privateKey);
  const targets = [];
  const skipped = [];
  for (const b of await backends()) {
    if (b.skipped !== undefined) {
      skipped.push(`${b.backend} (${b.skipped})`);
      continue;
    }
    for (const mode of ['ecb', 'cbc']) {
      const sealed = await sealEnvelope(USERINFO, { publicKey: keys.publicKey, mode });
      const body = JSON.stringify(sealed);
      const open = () =>
        openEnvelope(body, { privateKey, mode, backend: b.backend, require: ['citizenPid'] });
      await throughput(Math.min(DECODES, 50), 1, open);
      targets.push({ label: b.label, mode, open, rounds: [] });
    }
  }
  // Rounds interleave every backend and mode, so a burst of load hits all of them.
  for (let round = 0; round < ROUNDS; round += 1)
    for (const t of targets) t.rounds.push(await throughput(DECODES, 1, t.open));
  const rows = [];
  for (const label of new Set(targets.map((t) => t.label))) {
    const rate = (mode) => median(targets.find((t) => t.label === label && t.mode === mode).rounds);
    rows.push(`| ${label} | ${fmt(rate('ecb'))} | ${fmt(rate('cbc'))} |`);
  }
  return { rows, skipped };
}

/** `decryptCode` of a 36-character code: one RSA-2048 PKCS#1 v1.5 decryption and one AES block. */
async function rsaTable(keys) {
  const privateKey = importPartnerPrivateKey(keys.privateKey);
  const sealed = await encryptCode('3f2c9a1e-0b7d-4c55-9e61-2a8f0c4d7b19', {
    publicKey: keys.publicKey,
  });
  const targets = [];
  for (const b of await backends()) {
    if (b.skipped !== undefined) continue;
    const run = () =>
      decryptCode(sealed.code, sealed.encryptKey, { privateKey, backend: b.backend });
    await throughput(Math.min(DECODES, 50), 1, run);
    targets.push({ label: b.label, run, rounds: [] });
  }
  for (let round = 0; round < ROUNDS; round += 1)
    for (const t of targets) t.rounds.push(await throughput(DECODES, 1, t.run));
  return targets.map((t) => `| ${t.label} | ${fmt(median(t.rounds))} |`);
}

async function startMock(dir, publicKeyPem) {
  const file = join(dir, 'mock-idp.json');
  const config = {
    autoApprove: true,
    clients: [
      {
        clientId: 'bench-partner',
        clientSecret: SECRET,
        name: 'Bench partner RP',
        redirectUris: [REDIRECT_URI],
        authMethods: ['client_secret_post'],
        dialect: 'vneid-partner',
        partner: { publicKey: publicKeyPem, envelope: 'both', aesMode: 'ecb', encryptCode: true },
      },
      {
        clientId: 'bench-standard',
        clientSecret: SECRET,
        name: 'Bench standard RP',
        redirectUris: [REDIRECT_URI],
        authMethods: ['client_secret_basic'],
      },
    ],
  };
  await writeFile(file, JSON.stringify(config));
  const started = await startProcess([MOCK_BIN, '--port', '0', '--config', file], {
    ready: /issuer\s+(\S+)/,
  });
  return { child: started.child, issuer: started.match[1] };
}

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`; 100 on Linux). */
function clockTicks() {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/**
 * Cumulative CPU milliseconds of this process (the relying parties) and, where /proc exists
 * (Linux), of the mock's process: user + system time of all their threads.
 */
function cpuMeter(pid) {
  const ticks = clockTicks();
  const mock = () => {
    // Fields after the command name: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
  };
  let hasProc = true;
  try {
    mock();
  } catch {
    hasProc = false;
  }
  return () => {
    const own = process.cpuUsage();
    return {
      client: (own.user + own.system) / 1000,
      ...(hasProc ? { mock: mock() } : {}),
    };
  };
}

function coreLogin(rp, check) {
  return async () => {
    const { url, transaction } = await rp.startLogin({
      level: 2,
      claims: ['name', 'birthdate'],
      extraParams: { login_hint: 'citizen-l2' },
    });
    const callback = await followToCallback(url, REDIRECT_URI);
    const result = await rp.finishLogin(callback, transaction);
    check(result);
  };
}

async function loginTable(keys) {
  const dir = await mkdtemp(join(tmpdir(), 'dinhdanh-bench-partner-'));
  const mock = await startMock(dir, keys.publicKey);
  try {
    const partnerRp = createRelyingParty({
      issuer: mock.issuer,
      clientId: 'bench-partner',
      redirectUri: REDIRECT_URI,
      clientAuth: { method: 'client_secret_post', clientSecret: SECRET },
      provider: vneidPartner({ privateKey: keys.privateKey, aesMode: 'ecb' }),
    });
    const standardRp = createRelyingParty({
      issuer: mock.issuer,
      clientId: 'bench-standard',
      redirectUri: REDIRECT_URI,
      clientAuth: { method: 'client_secret_basic', clientSecret: SECRET },
    });
    const targets = [
      {
        name: 'VNeID partner (`vneidPartner()`)',
        flow: 'PAR + authorize (encrypted code) + token (envelope) + userinfo (envelope), client_secret_post',
        run: coreLogin(partnerRp, (r) => {
          if (r.tokens.idToken !== undefined || r.identity.level !== 2)
            throw new Error('partner login');
        }),
      },
      {
        name: 'standard OIDC (`oidc()`)',
        flow: 'PAR + authorize + token (signed ID token verified) + userinfo, client_secret_basic',
        run: coreLogin(standardRp, (r) => {
          if (r.tokens.idToken === undefined || r.identity.level !== 2)
            throw new Error('standard login');
        }),
      },
    ];
    await loginRates(targets, {
      warmup: WARMUP,
      logins1: LOGINS_1,
      logins8: LOGINS_8,
      rounds: ROUNDS,
      cpu: cpuMeter(mock.child.pid),
    });
    const [partner, standard] = targets;
    const ms = (value) => (value === undefined ? 'n/a' : value.toFixed(2));
    const total = (t) =>
      t.cpuPerCall.mock === undefined ? undefined : t.cpuPerCall.client + t.cpuPerCall.mock;
    return {
      rows: targets.map((t) => `| ${t.name} | ${t.flow} | ${fmt(t.at1)} | ${fmt(t.at8)} |`),
      cpuRows: targets.map(
        (t) =>
          `| ${t.name} | ${ms(t.cpuPerCall.client)} | ${ms(t.cpuPerCall.mock)} | ${ms(total(t))} |`,
      ),
      ratio1: ratio(partner.at1, standard.at1),
      ratio8: ratio(partner.at8, standard.at8),
      cpuRatio:
        total(partner) === undefined ? 'n/a' : `${(total(standard) / total(partner)).toFixed(2)}x`,
    };
  } finally {
    await stopProcess(mock.child);
    await rm(dir, { recursive: true, force: true });
  }
}

/** The partner section of the bench report, as markdown lines. */
export async function partnerReport() {
  // Synthetic key made for this run (2048-bit, as the mock's clients use).
  const keys = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const auto = await partnerCryptoBackend();
  const rsa = await rsaTable(keys);
  const decode = await decodeTable(keys);
  const logins = await loginTable(keys);
  return [
    '## VNeID partner protocol (`@dinhdanh/core/vneid-partner`)',
    '',
    environmentLine(),
    `Backend picked here (auto): RSA ${auto.rsa}, padding removed by ${auto.rsaPadding}, AES ${auto.aes}; ${auto.reason}.`,
    '',
    `RSA decryptions per second (\`decryptCode\` of an encrypted code: one RSA-2048 PKCS#1 v1.5 decryption with implicit rejection and one AES block, 1 in flight; median of ${ROUNDS} rounds of ${DECODES}):`,
    '',
    '| backend | decryptions/s |',
    '| --- | ---: |',
    ...rsa,
    '',
    `Envelope decodes per second (\`openEnvelope\` of a ~400-byte userinfo body, RSA-2048 + AES-256, 1 in flight; median of ${ROUNDS} rounds of ${DECODES}):`,
    '',
    '| backend | ECB decodes/s | CBC decodes/s |',
    '| --- | ---: | ---: |',
    ...decode.rows,
    ...(decode.skipped.length > 0
      ? ['', `Not available in this process: ${decode.skipped.join(', ')}.`]
      : []),
    '',
    `Full logins per second of @dinhdanh/core against the mock CLI (one process, both clients), persona citizen-l2 at level 2; warm-up ${WARMUP} at 1 and at 8 in flight; ${ROUNDS} interleaved rounds of ${LOGINS_1} at 1 in flight and ${LOGINS_8} at 8, the order alternating; medians:`,
    '',
    '| login | flow | logins/s, 1 in flight | logins/s, 8 in flight |',
    '| --- | --- | ---: | ---: |',
    ...logins.rows,
    '',
    `Partner / standard: ${logins.ratio1} at 1 in flight, ${logins.ratio8} at 8 in flight.`,
    '',
    'CPU milliseconds per login over the same rounds (user + system, all threads; the mock from /proc where there is one); load from other programs moves it far less than it moves the rates:',
    '',
    '| login | relying party (this process) | mock | both |',
    '| --- | ---: | ---: | ---: |',
    ...logins.cpuRows,
    '',
    `Partner / standard by CPU per login (both processes): ${logins.cpuRatio}.`,
  ];
}
