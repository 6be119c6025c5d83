/**
 * @packageDocumentation
 * `@dinhdanh/core/node` — serve core's web-standard handlers from Node's `http` module
 * (and from frameworks built on it) through one safe translation.
 */
export { requestOrigin, toWebRequest } from './request';
export type { ToWebRequestOptions } from './request';
export { sendWebResponse } from './response';
export type { SendWebResponseOptions } from './response';
export { serveNodeRequest, toNodeHandler } from './handler';
export type { NodeListener, WebHandler } from './handler';
export type { NodeIncomingRequest, NodeServerResponse } from './types';
