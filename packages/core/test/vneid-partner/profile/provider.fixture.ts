/**
 * A small dialect-5 provider for tests, served through an injected `fetch`: it speaks the
 * VNeID partner wire protocol with the real peer functions `sealEnvelope` and
 * `encryptCode` (the provider's side of the crypto), checks PKCE, the client secret in
 * the form body and the redirect URI, and records what it received.
 */
import { createHash, randomBytes } from 'node:crypto';
import { encryptCode, sealEnvelope } from '@dinhdanh/core/vneid-partner';
import type { AesMode } from '@dinhdanh/core/vneid-partner';

export const ISSUER = 'https://sso.vneid.test';
export const CLIENT_ID = 'bank-portal';
export const CLIENT_SECRET = 'partner-secret-0123456789-abcdefghij';
export const REDIRECT_URI = 'https://bank.example.vn/auth/callback';

/** Synthetic citizen (structurally valid ID, not a real person). */
export const CITIZEN = {
  citizenPid: '001099012345',
  fullName: 'Nguyễn Thị Thử Nghiệm',
  birthDate: '19990101',
  accountType: 'citizen',
  accountLevel: 2,
};

export interface Switches {
  envelopeToken: boolean;
  envelopeUserinfo: boolean;
  mode: AesMode;
  encryptCode: boolean;
  userinfo: Record<string, unknown>;
  /** Replaces discovery members (endpoints). */
  metadata: Record<string, unknown>;
  /** Plain code to issue; default a base64 string with `+`. */
  code?: string;
  /** AES mode of the encrypted code when it differs from the bodies' `mode`. */
  codeMode?: AesMode;
  /** HTTP status of the userinfo answer (default 200). */
  userinfoStatus?: number;
  /** Pads the token / userinfo answer with trailing spaces (valid JSON) to exactly this many bytes. */
  size?: { token?: number; userinfo?: number };
}

interface Issued {
  state: string;
  nonce: string | null;
  challenge: string | null;
  plainCode: string;
  encryptKey?: string;
}

export interface PartnerProvider {
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Plays the browser: reads the authorization URL and returns the raw callback URL. */
  authorize(url: string): Promise<{ callback: string; code: string; encryptKey?: string }>;
  switches: Switches;
  issued?: Issued;
  accessToken: string;
  tokenForms: URLSearchParams[];
  requested: string[];
  authParams?: URLSearchParams;
}

function json(body: unknown, status = 200, size?: number): Response {
  let text = JSON.stringify(body);
  if (size !== undefined) {
    const length = Buffer.byteLength(text);
    if (length > size) throw new Error(`the answer is already ${String(length)} bytes`);
    text += ' '.repeat(size - length);
  }
  return new Response(text, {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** Builds the provider for an RP public key (any form `sealEnvelope` accepts). */
export function partnerProvider(
  publicKey: string,
  switches: Partial<Switches> = {},
  issuer = ISSUER,
) {
  const provider: PartnerProvider = {
    switches: {
      envelopeToken: true,
      envelopeUserinfo: true,
      mode: 'ecb',
      encryptCode: false,
      userinfo: CITIZEN,
      metadata: {},
      ...switches,
    },
    accessToken: `at-${randomBytes(18).toString('base64url')}`,
    tokenForms: [],
    requested: [],
    async authorize(url) {
      const params = new URL(url).searchParams;
      provider.authParams = params;
      const state = params.get('state') ?? '';
      const plainCode = provider.switches.code ?? `${randomBytes(12).toString('base64')}+a/b=`;
      let code = plainCode;
      let encryptKey: string | undefined;
      if (provider.switches.encryptCode) {
        // Bounded: until the encrypted code itself carries a '+'.
        for (let i = 0; i < 64; i++) {
          const sealed = await encryptCode(plainCode, {
            publicKey,
            mode: provider.switches.codeMode ?? provider.switches.mode,
          });
          code = sealed.code;
          encryptKey = sealed.encryptKey;
          if (code.includes('+')) break;
        }
      }
      provider.issued = {
        state,
        nonce: params.get('nonce'),
        challenge: params.get('code_challenge'),
        plainCode,
        ...(encryptKey === undefined ? {} : { encryptKey }),
      };
      // The provider puts base64 into the query unencoded: '+' stays a raw '+'.
      const callback =
        `${params.get('redirect_uri') ?? ''}?code=${code}&state=${state}` +
        (encryptKey === undefined ? '' : `&encrypt_key=${encryptKey}`);
      return { callback, code, ...(encryptKey === undefined ? {} : { encryptKey }) };
    },
    async fetch(input, init) {
      const request = new Request(input, init);
      const url = new URL(request.url);
      provider.requested.push(url.href);
      if (url.origin !== new URL(issuer).origin) return json({ error: 'not_here' }, 404);
      const base = issuer.replace(/\/$/, '');
      if (url.pathname === '/.well-known/openid-configuration') {
        return json({
          issuer,
          authorization_endpoint: `${base}/authorize`,
          token_endpoint: `${base}/token`,
          userinfo_endpoint: `${base}/userinfo`,
          ...provider.switches.metadata,
        });
      }
      if (url.pathname === '/token' && request.method === 'POST') {
        const form = new URLSearchParams(await request.text());
        provider.tokenForms.push(form);
        const issued = provider.issued;
        const verifier = form.get('code_verifier') ?? '';
        const pkce = createHash('sha256').update(verifier).digest('base64url');
        const ok =
          request.headers.get('content-type')?.startsWith('application/x-www-form-urlencoded') &&
          request.headers.get('authorization') === null &&
          form.get('grant_type') === 'authorization_code' &&
          form.get('client_id') === CLIENT_ID &&
          form.get('client_secret') === CLIENT_SECRET &&
          form.get('redirect_uri') === REDIRECT_URI &&
          issued !== undefined &&
          form.get('code') === issued.plainCode &&
          form.get('encrypt_key') === (issued.encryptKey ?? null) &&
          pkce === issued.challenge;
        if (!ok) return json({ error: 'invalid_grant' }, 400);
        const body = { access_token: provider.accessToken, token_type: 'Bearer', expires_in: 300 };
        return json(
          provider.switches.envelopeToken
            ? await sealEnvelope(body, { publicKey, mode: provider.switches.mode })
            : body,
          200,
          provider.switches.size?.token,
        );
      }
      if (url.pathname === '/userinfo') {
        if (request.headers.get('authorization') !== `Bearer ${provider.accessToken}`) {
          return json({ error: 'invalid_token' }, 401);
        }
        const status = provider.switches.userinfoStatus ?? 200;
        if (status !== 200) return json({ error: 'insufficient_scope' }, status);
        const body = provider.switches.userinfo;
        return json(
          provider.switches.envelopeUserinfo
            ? await sealEnvelope(body, { publicKey, mode: provider.switches.mode })
            : body,
          200,
          provider.switches.size?.userinfo,
        );
      }
      return json({ error: 'not_found' }, 404);
    },
  };
  return provider;
}
