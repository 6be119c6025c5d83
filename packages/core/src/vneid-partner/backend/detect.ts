import { DinhDanhError } from '../../errors';
import { forgeAes, forgeRsa } from './forge';
import { nodeAes, nodeRsa } from './node';
import type { NodeCrypto } from './node';
import type { Backend, PartnerCryptoBackendChoice, PartnerCryptoBackendInfo } from './types';

interface Probe {
  readonly crypto: NodeCrypto | undefined;
  readonly rsa: boolean;
  readonly implicitRejection: boolean;
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

async function probeRsa(
  crypto: NodeCrypto,
): Promise<Pick<Probe, 'rsa' | 'implicitRejection' | 'why'>> {
  try {
    const { publicKey, privateKey } = await new Promise<{
      publicKey: ReturnType<NodeCrypto['createPublicKey']>;
      privateKey: ReturnType<NodeCrypto['createPrivateKey']>;
    }>((resolve, reject) => {
      crypto.generateKeyPair('rsa', { modulusLength: 2048 }, (error, publicKey, privateKey) => {
        if (error) reject(error);
        else resolve({ publicKey, privateKey });
      });
    });
    const padding = crypto.constants.RSA_PKCS1_PADDING;
    const message = globalThis.crypto.getRandomValues(new Uint8Array(32));
    const ciphertext = crypto.publicEncrypt({ key: publicKey, padding }, message);
    let decrypted: Uint8Array;
    try {
      decrypted = crypto.privateDecrypt({ key: privateKey, padding }, ciphertext);
    } catch (error) {
      return {
        rsa: false,
        implicitRejection: false,
        why: `node:crypto refuses RSAES-PKCS1-v1_5 private decryption (${errorCode(error)}; Node 20 since the CVE-2023-46809 fix, Bun)`,
      };
    }
    if (!same(decrypted, message)) {
      return {
        rsa: false,
        implicitRejection: false,
        why: 'node:crypto RSAES-PKCS1-v1_5 decryption gave a wrong result',
      };
    }
    // A block that is not PKCS#1 type 2: a platform with implicit rejection answers with a
    // synthetic plaintext, one without it throws (a timing and error oracle: Marvin).
    const block = new Uint8Array(256).fill(0xff);
    block[0] = 0x00;
    block[1] = 0x01;
    let implicitRejection = false;
    try {
      const bad = crypto.publicEncrypt(
        { key: publicKey, padding: crypto.constants.RSA_NO_PADDING },
        block,
      );
      crypto.privateDecrypt({ key: privateKey, padding }, bad);
      implicitRejection = true;
    } catch {
      implicitRejection = false;
    }
    return {
      rsa: true,
      implicitRejection,
      why: implicitRejection
        ? 'node:crypto decrypts RSAES-PKCS1-v1_5 with implicit rejection (OpenSSL 3.2+, Node 22 and 24)'
        : 'node:crypto decrypts RSAES-PKCS1-v1_5 but without implicit rejection',
    };
  } catch (error) {
    return {
      rsa: false,
      implicitRejection: false,
      why: `node:crypto RSA probe failed (${errorCode(error)})`,
    };
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
      rsa: false,
      implicitRejection: false,
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
  implicitRejection: boolean,
  reason: string,
): PartnerCryptoBackendInfo {
  return Object.freeze({ requested, rsa, aes, implicitRejection, reason });
}

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

const resolved = new Map<PartnerCryptoBackendChoice, Promise<Backend>>();

async function build(requested: PartnerCryptoBackendChoice): Promise<Backend> {
  if (requested === 'forge') {
    return {
      rsa: forgeRsa,
      aes: forgeAes,
      info: info(requested, 'forge', 'forge', false, 'node-forge was requested'),
    };
  }
  if (requested !== 'node' && requested !== 'auto') {
    throw new DinhDanhError('config_invalid', 'backend must be "auto", "node" or "forge".', {
      path: 'backend',
    });
  }
  const found = await probeOnce();
  if (requested === 'node') {
    if (!found.crypto || !found.rsa || !found.aes) {
      throw new DinhDanhError(
        'runtime_unsupported',
        `The node backend cannot run here: ${found.why}. Use backend "auto" (falls back to node-forge) or Node 22+.`,
      );
    }
    return {
      rsa: nodeRsa(found.crypto),
      aes: nodeAes(found.crypto),
      info: info(requested, 'node', 'node', found.implicitRejection, found.why),
    };
  }
  const rsaNode = found.crypto !== undefined && found.rsa;
  const aesNode = found.crypto !== undefined && found.aes;
  const reason = rsaNode ? found.why : `${found.why}; RSA falls back to node-forge (pure JS)`;
  return {
    rsa: rsaNode && found.crypto ? nodeRsa(found.crypto) : forgeRsa,
    aes: aesNode && found.crypto ? nodeAes(found.crypto) : forgeAes,
    info: info(
      requested,
      rsaNode ? 'node' : 'forge',
      aesNode ? 'node' : 'forge',
      rsaNode && found.implicitRejection,
      reason,
    ),
  };
}

/**
 * Which implementation of RSAES-PKCS1-v1_5 and AES the partner protocol uses on this
 * runtime, and why. The platform is probed, not guessed from version numbers: `node:crypto`
 * is used where it exists and still permits PKCS#1 v1.5 private decryption (Node 22 and 24,
 * with implicit rejection); node-forge (pure JS) elsewhere (Node 20, Bun, edge runtimes).
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
