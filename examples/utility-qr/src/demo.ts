/** The utility kiosk in the demo (`pnpm demo`) and the browser tests: see examples/demo-contract.ts. */
import type { DemoExample } from '../../demo-contract';
import { utilityClients } from './client';
import { serveUtilityKiosk } from './serve';

const utilityKiosk: DemoExample = {
  id: 'utility-qr',
  title: 'Điện lực Demo, quầy thu (React, QR code and VNeID share)',
  port: 3004,
  tryThis:
    "pay an electricity bill at a kiosk: scan the QR code (or open the mock's /device page on another device and type the code), or choose “Chia sẻ qua VNeID” (a VNeID share transaction)",
  mockClients: (origin, secrets) => utilityClients(origin, secrets.clientSecret),
  start: (options) =>
    serveUtilityKiosk(
      {
        issuer: options.issuer,
        clientSecret: options.secrets.clientSecret,
        origin: options.origin,
        sessionSecret: options.secrets.sessionSecret,
        ...(options.now === undefined ? {} : { now: () => options.now!().getTime() }),
      },
      options.port,
      options.host,
    ),
};

export default utilityKiosk;
