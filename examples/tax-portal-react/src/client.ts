/** The portal's client at the mock provider: the National Public Service Portal's dialect. */

/** The portal's client id at the mock. */
export const TAX_CLIENT_ID = 'tax-portal-react';

/** The mock's client entry for a portal served at `origin`. */
export function taxPortalClient(origin: string, clientSecret: string) {
  return {
    clientId: TAX_CLIENT_ID,
    clientSecret,
    name: 'Cổng Thuế Demo',
    redirectUris: [`${origin}/auth/callback`],
    postLogoutRedirectUris: [`${origin}/`],
    authMethods: ['client_secret_basic'],
    dialect: 'dvcqg',
  } as const;
}
