/**
 * Every route of the provider in one table, and the one dispatch over it: the first route
 * whose method and path match answers. Paths are relative to the issuer.
 */
import * as admin from '../admin/handlers';
import { PATHS } from '../context';
import { authorize } from '../endpoints/authorize';
import { device } from '../endpoints/device';
import { deviceAuthorization } from '../endpoints/device-authorization';
import { discovery } from '../endpoints/discovery';
import { endSessionEndpoint } from '../endpoints/end-session';
import { home } from '../endpoints/home';
import { interaction } from '../endpoints/interaction';
import { jwks } from '../endpoints/jwks';
import { par } from '../endpoints/par';
import { revocation } from '../endpoints/revocation';
import { token } from '../endpoints/token';
import { userinfo } from '../endpoints/userinfo';
import { SHARE_PATH } from '../share/api';
import * as share from '../share/handlers';
import { oauthError } from '../util/http';
import { matchPath, type AdminActions, type Route } from './route';
import type { Context } from '../context';

const ADMIN = PATHS.admin;

/** A route handler from an endpoint answering `(ctx, request)`. */
function endpoint(
  handle: (ctx: Context, request: Request) => Promise<Response> | Response,
): Route['handle'] {
  return ({ ctx, request }) => handle(ctx, request);
}

/** The provider's routes, in the order they are tried. */
export const ROUTES: readonly Route[] = [
  { path: PATHS.discovery, handle: endpoint(discovery) },
  { path: PATHS.oauthMetadata, handle: endpoint(discovery) },
  { path: PATHS.jwks, handle: endpoint(jwks) },
  { path: PATHS.authorize, handle: endpoint(authorize) },
  { path: PATHS.par, handle: endpoint(par) },
  { path: PATHS.token, handle: endpoint(token) },
  { path: PATHS.userinfo, handle: endpoint(userinfo) },
  { path: PATHS.revocation, handle: endpoint(revocation) },
  { path: PATHS.endSession, handle: endpoint(endSessionEndpoint) },
  { path: PATHS.deviceAuthorization, handle: endpoint(deviceAuthorization) },
  { path: PATHS.device, handle: endpoint(device) },
  {
    path: `${PATHS.interaction}/*`,
    handle: ({ ctx, request, rest }) => interaction(ctx, request, rest),
  },
  // share transactions (DOMAIN.md dialect 6)
  { path: SHARE_PATH, handle: share.start },
  { path: `${SHARE_PATH}/{txnId}`, handle: share.phonePage },
  { path: `${SHARE_PATH}/{txnId}/status`, handle: share.status },
  { path: `${SHARE_PATH}/*`, handle: share.unknownSharePath },
  // the admin API
  { method: 'GET', path: `${ADMIN}/faults`, admin: true, handle: admin.listFaults },
  { method: 'POST', path: `${ADMIN}/faults`, admin: true, handle: admin.armFaults },
  { method: 'DELETE', path: `${ADMIN}/faults`, admin: true, handle: admin.clearFaults },
  { method: 'POST', path: `${ADMIN}/keys/rotate`, admin: true, handle: admin.rotateKeys },
  { method: 'GET', path: `${ADMIN}/logouts`, admin: true, handle: admin.listLogouts },
  { method: 'POST', path: `${ADMIN}/reset`, admin: true, handle: admin.resetProvider },
  { method: 'GET', path: `${ADMIN}/personas`, admin: true, handle: admin.listPersonas },
  { method: 'POST', path: `${ADMIN}/device/approve`, admin: true, handle: admin.approveDevice },
  { method: 'POST', path: `${ADMIN}/share/approve`, admin: true, handle: share.approve },
  { method: 'GET', path: `${ADMIN}/share`, admin: true, handle: share.list },
  { method: 'GET', path: `${ADMIN}/share/*`, admin: true, handle: share.show },
  { path: `${ADMIN}/*`, admin: true, handle: admin.noAdminRoute },
  { path: '/', handle: endpoint(home) },
];

/** Answer `request` at `path` (relative to the issuer) by the first matching route. */
export async function dispatch(
  ctx: Context,
  actions: AdminActions,
  request: Request,
  path: string,
): Promise<Response> {
  for (const route of ROUTES) {
    if (route.admin === true && !ctx.options.admin) continue;
    if (route.method !== undefined && route.method !== request.method) continue;
    const match = matchPath(route.path, path);
    if (match !== undefined) return route.handle({ ctx, request, path, actions, ...match });
  }
  return oauthError('not_found', `no endpoint at ${path}`, 404);
}
