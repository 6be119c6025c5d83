/** What `pnpm demo` and the browser tests start: see examples/demo-contract.ts. */
import type { MockClientInput } from '@dinhdanh/mock-idp';
import type { DemoExample } from '../../demo-contract.ts';
import { createInsuranceApp } from './app';
import { serve } from './server';

/** The app's client id at the identity provider. */
export const CLIENT_ID = 'social-insurance';

/** The client the mock registers for an app served at `origin`. */
export function mockClient(origin: string, clientSecret: string): MockClientInput {
  return {
    clientId: CLIENT_ID,
    clientSecret,
    name: 'Bảo hiểm xã hội số',
    redirectUris: [`${origin}/auth/callback`],
    postLogoutRedirectUris: [`${origin}/signed-out`],
    authMethods: ['client_secret_basic'],
    dialect: 'standard',
    // Level-2 data comes as OpenID Connect for Identity Assurance `verified_claims`.
    verifiedClaims: true,
  };
}

const socialInsurance: DemoExample = {
  id: 'social-insurance',
  title: 'Bảo hiểm xã hội số (no framework: node:http, server-rendered HTML)',
  port: 3003,
  tryThis:
    "log in as Nguyễn Văn An for his social and health insurance numbers; as Phạm Thị Dung (guardian), then open her son's record under 'Hồ sơ của con'",
  mockClients: (origin, secrets) => [mockClient(origin, secrets.clientSecret)],
  async start({ port, host, issuer, origin, secrets, now }) {
    const app = createInsuranceApp({
      issuer,
      origin,
      clientId: CLIENT_ID,
      clientSecret: secrets.clientSecret,
      sessionSecret: secrets.sessionSecret,
      ...(now === undefined ? {} : { now }),
    });
    return serve((request) => app.handle(request), { port, host, origin });
  },
};

export default socialInsurance;
