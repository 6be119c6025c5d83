import { createServer } from 'node:http';
import { toNodeHandler } from '@dinhdanh/core/node';
import { app } from './app.js';

// Node has no built-in Request → Response server (Bun.serve and Deno.serve do).
// toNodeHandler translates node:http safely: the host comes from `origin`, never from the
// request; bodies are streamed with a cap; TRACE is answered 405.
createServer(toNodeHandler(app, { origin: 'http://localhost:3000' })).listen(
  3000,
  'localhost',
  () => {
    console.log('Open http://localhost:3000/');
  },
);
