/** The kiosk's two clients at the mock: VNeID SSO (device grant) and a VNeID partner (share transactions). */
import { createHmac } from 'node:crypto';
import { SHARE_BASE } from './requests';

/** Client ids at the mock. */
export const DEVICE_CLIENT_ID = 'utility-qr';
export const SHARE_CLIENT_ID = 'utility-qr-share';

/** The webhook secret, derived from the client secret (the demo generates one secret per example). */
export function webhookSecret(clientSecret: string): string {
  return createHmac('sha256', clientSecret).update('share-webhook').digest('base64url');
}

/** The mock's client entries for a kiosk served at `origin`. */
export function utilityClients(origin: string, clientSecret: string) {
  return [
    {
      clientId: DEVICE_CLIENT_ID,
      clientSecret,
      name: 'Điện lực Demo — quầy thu',
      redirectUris: [`${origin}/auth/callback`],
      authMethods: ['client_secret_basic'],
      dialect: 'vneid-sso',
    },
    {
      clientId: SHARE_CLIENT_ID,
      clientSecret,
      name: 'Điện lực Demo — quầy thu',
      redirectUris: [`${origin}${SHARE_BASE}/auth/callback`],
      authMethods: ['client_secret_post'],
      dialect: 'vneid-partner',
      partner: { envelope: 'none' },
      share: {
        lifetime: 300,
        webhookUrl: `${origin}${SHARE_BASE}/share-webhook`,
        webhookSecret: webhookSecret(clientSecret),
      },
    },
  ] as const;
}
