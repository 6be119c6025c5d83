/** The bank in the demo (`pnpm demo`) and the browser tests: see examples/demo-contract.ts. */
import { vneid } from '@dinhdanh/core';
import type { DemoExample } from '../../demo-contract';
import { bankClient } from './config';
import { serveBank } from './serve';

/** The bank's client id at the mock. */
export const BANK_CLIENT_ID = 'bank-express';

const bank: DemoExample = {
  id: 'bank-express',
  title: 'Ngân hàng Demo (Express, server-rendered)',
  port: 3001,
  tryThis:
    'log in with VNeID (level 1) to see balances, then "Mở tài khoản": a step-up to level 2 with consent',
  mockClients: (origin, secrets) => [bankClient(origin, BANK_CLIENT_ID, secrets.clientSecret)],
  start: (options) =>
    serveBank(
      {
        issuer: options.issuer,
        provider: vneid(),
        clientId: BANK_CLIENT_ID,
        clientSecret: options.secrets.clientSecret,
        origin: options.origin,
        sessionSecret: options.secrets.sessionSecret,
        postLogoutRedirect: true,
        ...(options.redisUrl === undefined ? {} : { redisUrl: options.redisUrl }),
        ...(options.now === undefined ? {} : { now: () => options.now!().getTime() }),
      },
      options.port,
      options.host,
    ),
};

export default bank;
