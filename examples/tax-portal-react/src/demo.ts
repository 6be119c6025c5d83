/** The tax portal in the demo (`pnpm demo`) and the browser tests: see examples/demo-contract.ts. */
import type { DemoExample } from '../../demo-contract';
import { TAX_CLIENT_ID, taxPortalClient } from './client';
import { serveTaxPortal } from './serve';

const taxPortal: DemoExample = {
  id: 'tax-portal-react',
  title: 'Cổng Thuế Demo (React + Express BFF, DVCQG)',
  port: 3002,
  tryThis:
    'log in through the National Public Service Portal: the tax form is prefilled with what you shared; submitting needs level 2 (step-up)',
  mockClients: (origin, secrets) => [taxPortalClient(origin, secrets.clientSecret)],
  start: (options) =>
    serveTaxPortal(
      {
        issuer: options.issuer,
        clientId: TAX_CLIENT_ID,
        clientSecret: options.secrets.clientSecret,
        origin: options.origin,
        sessionSecret: options.secrets.sessionSecret,
        ...(options.now === undefined ? {} : { now: () => options.now!().getTime() }),
      },
      options.port,
      options.host,
    ),
};

export default taxPortal;
