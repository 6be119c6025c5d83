import { DinhDanhError } from '../../errors';
import { forgeAes, forgeRsa } from './forge';
import { nodeAes, nodeRsa } from './node';
import type { NodeCrypto } from './node';
import type { Backend, PartnerCryptoBackendChoice, PartnerCryptoBackendInfo } from './types';

interface Probe {
  readonly crypto: NodeCrypto | undefined;
  /** How node:crypto can decrypt RSAES-PKCS1-v1_5, if at all. */
  readonly rsa: 'platform' | 'raw' | 'none';
  readonly aes: boolean;
  readonly why: string;
}

let probing: Promise<Probe> | undefined;

async function loadNodeCrypto(): Promise<NodeCrypto | undefined> {
  try {
    // Guarded dynamic import: the only node: module core touches, and only from this
    // subpath. Edge runtimes and browsers have no such module and fall back to forge.
    // The bundler hints keep webpack and Vite from trying to resolve it at build time.
    const mod = (await import(
      /* webpackIgnore: true */ /* @vite-ignore */ 'node:crypto'
    )) as unknown;
    const crypto = mod as Partial<NodeCrypto>;
    return typeof crypto.privateDecrypt === 'function' &&
      typeof crypto.createDecipheriv === 'function'
      ? (mod as NodeCrypto)
      : undefined;
  } catch {
    return undefined;
  }
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'an error';
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

type KeyPair = {
  publicKey: ReturnType<NodeCrypto['createPublicKey']>;
  privateKey: ReturnType<NodeCrypto['createPrivateKey']>;
};

function attempt(run: () => Uint8Array): Uint8Array | Error {
  try {
    return run();
  } catch (error) {
    return error instanceof Error ? error : new Error(errorCode(error));
  }
}

async function probeRsa(crypto: NodeCrypto): Promise<Pick<Probe, 'rsa' | 'why'>> {
  try {
    const { publicKey, privateKey } = await new Promise<KeyPair>((resolve, reject) => {
      crypto.generateKeyPair('rsa', { modulusLength: 2048 }, (error, publicKey, privateKey) => {
        if (error) reject(error);
        else resolve({ publicKey, privateKey });
      });
    });
    const { RSA_PKCS1_PADDING, RSA_NO_PADDING } = crypto.constants;
    const message = globalThis.crypto.getRandomValues(new Uint8Array(32));
    const ciphertext = crypto.publicEncrypt(
      { key: publicKey, padding: RSA_PKCS1_PADDING },
      message,
    );
    const pkcs1 = attempt(() =>
      crypto.privateDecrypt({ key: privateKey, padding: RSA_PKCS1_PADDING }, ciphertext),
    );
    // A block that is not PKCS#1 type 2: a platform with implicit rejection answers with a
    // synthetic plaintext, one without it throws (a timing and error oracle: Marvin).
    const block = new Uint8Array(256).fill(0xff);
    block[0] = 0x00;
    block[1] = 0x01;
    const bad = crypto.publicEncrypt({ key: publicKey, padding: RSA_NO_PADDING }, block);
    const rejected = attempt(() =>
      crypto.privateDecrypt({ key: privateKey, padding: RSA_PKCS1_PADDING }, bad),
    );
    if (!(pkcs1 instanceof Error) && same(pkcs1, message) && !(rejected instanceof Error)) {
      return {
        rsa: 'platform',
        why: 'node:crypto decrypts RSAES-PKCS1-v1_5 with implicit rejection (OpenSSL 3.2+, Node 22 and 24)',
      };
    }
    const raw = attempt(() =>
      crypto.privateDecrypt({ key: privateKey, padding: RSA_NO_PADDING }, bad),
    );
    const platform =
      pkcs1 instanceof Error
        ? `node:crypto refuses RSAES-PKCS1-v1_5 private decryption (${errorCode(pkcs1)}; Node 20 since the CVE-2023-46809 fix, Bun)`
        : 'node:crypto decrypts RSAES-PKCS1-v1_5 without implicit rejection';
    if (!(raw instanceof Error) && same(raw, block)) {
      return {
        rsa: 'raw',
        why: `${platform}; its raw RSA (RSA_NO_PADDING) is used with dinhdanh's implicit rejection`,
      };
    }
    return { rsa: 'none', why: `${platform} and has no raw RSA` };
  } catch (error) {
    return { rsa: 'none', why: `node:crypto RSA probe failed (${errorCode(error)})` };
  }
}

function probeAes(crypto: NodeCrypto): boolean {
  try {
    const key = globalThis.crypto.getRandomValues(new Uint8Array(32));
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(16));
    const plain = globalThis.crypto.getRandomValues(new Uint8Array(16));
    const aes = nodeAes(crypto);
    const ecb = aes.encryptPadded('ecb', key, undefined, plain);
    const cbc = aes.encryptPadded('cbc', key, iv, plain);
    return (
      same(aes.decryptUnpadded('ecb', key, undefined, ecb).subarray(0, 16), plain) &&
      same(aes.decryptUnpadded('cbc', key, iv, cbc).subarray(0, 16), plain)
    );
  } catch {
    return false;
  }
}

async function probe(): Promise<Probe> {
  const crypto = await loadNodeCrypto();
  if (!crypto) {
    return {
      crypto,
      rsa: 'none',
      aes: false,
      why: 'node:crypto is not available on this runtime',
    };
  }
  const rsa = await probeRsa(crypto);
  return { crypto, ...rsa, aes: probeAes(crypto) };
}

function probeOnce(): Promise<Probe> {
  probing ??= probe();
  return probing;
}

function info(
  requested: PartnerCryptoBackendChoice,
  rsa: 'node' | 'forge',
  aes: 'node' | 'forge',
  rsaPadding: 'platform' | 'dinhdanh',
  reason: string,
): PartnerCryptoBackendInfo {
  return Object.freeze({ requested, rsa, aes, implicitRejection: true, rsaPadding, reason });
}

const resolved = new Map<PartnerCryptoBackendChoice, Promise<Backend>>();

/** @internal Resolves the backend for a choice; the platform probe runs once per process. */
export function resolveBackend(requested: PartnerCryptoBackendChoice = 'auto'): Promise<Backend> {
  // One backend object per choice, so the platform key objects it caches are reused.
  let backend = resolved.get(requested);
  if (!backend) {
    backend = build(requested);
    resolved.set(requested, backend);
    // A refusal (runtime_unsupported, config_invalid) is not cached as a rejected promise.
    backend.catch(() => resolved.delete(requested));
  }
  return backend;
}

async function build(requested: PartnerCryptoBackendChoice): Promise<Backend> {
  if (requested === 'forge') {
    return {
      rsa: forgeRsa,
      aes: forgeAes,
      info: info(requested, 'forge', 'forge', 'dinhdanh', 'node-forge was requested'),
    };
  }
  if (requested !== 'node' && requested !== 'auto') {
    throw new DinhDanhError('config_invalid', 'backend must be "auto", "node" or "forge".', {
      path: 'backend',
    });
  }
  const found = await probeOnce();
  const crypto = found.crypto;
  const rsaNode = crypto !== undefined && found.rsa !== 'none';
  const aesNode = crypto !== undefined && found.aes;
  if (requested === 'node' && (!rsaNode || !aesNode)) {
    throw new DinhDanhError(
      'runtime_unsupported',
      `The node backend cannot run here: ${found.why}. Use backend "auto" (falls back to node-forge).`,
    );
  }
  const padding = found.rsa === 'platform' ? 'platform' : 'dinhdanh';
  const reason = rsaNode ? found.why : `${found.why}; RSA falls back to node-forge (pure JS)`;
  return {
    rsa: rsaNode && crypto ? nodeRsa(crypto, padding) : forgeRsa,
    aes: aesNode && crypto ? nodeAes(crypto) : forgeAes,
    info: info(requested, rsaNode ? 'node' : 'forge', aesNode ? 'node' : 'forge', padding, reason),
  };
}

/**
 * Which implementation of RSAES-PKCS1-v1_5 and AES the partner protocol uses on this
 * runtime, and why. The platform is probed, not guessed from version numbers: `node:crypto`
 * removes the padding itself where it rejects implicitly (OpenSSL 3.2+: Node 22 and 24);
 * where it does not (Node 20, Bun, Deno, workerd) its raw RSA operation is used and dinhdanh
 * removes the padding with the same implicit rejection (draft-irtf-cfrg-rsa-guidance);
 * node-forge (pure JS, same implicit rejection) only where `node:crypto` is absent.
 *
 * @param backend `auto` (default) to detect, or `node` / `forge` to force one.
 * @returns The choice for RSA and for AES, whether the RSA path rejects implicitly, and the reason.
 * @throws `runtime_unsupported` when `node` is forced where it cannot run.
 *
 * @example
 * ```ts
 * const { rsa, reason } = await partnerCryptoBackend();
 * logger.info({ rsa, reason }, 'VNeID partner crypto');
 * ```
 */
export async function partnerCryptoBackend(
  backend: PartnerCryptoBackendChoice = 'auto',
): Promise<PartnerCryptoBackendInfo> {
  return (await resolveBackend(backend)).info;
}
