import { createServer } from 'node:http';
import { app } from './app';

// Node has no built-in Request → Response server (Bun.serve and Deno.serve do), so
// translate node:http to web Request and Response. Frameworks do the same.
createServer((req, res) => {
  void (async () => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      for (const one of [value ?? []].flat()) headers.append(name, one);
    }
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    for await (const chunk of req) chunks.push(chunk as Uint8Array<ArrayBuffer>);
    const method = req.method ?? 'GET';
    const response = await app(
      new Request(new URL(req.url ?? '/', 'http://localhost:3000'), {
        method,
        headers,
        ...(method === 'GET' || method === 'HEAD' ? {} : { body: new Blob(chunks) }),
      }),
    );
    const head: Record<string, string | string[]> = Object.fromEntries(response.headers);
    head['set-cookie'] = response.headers.getSetCookie(); // several cookies, several headers
    res.writeHead(response.status, head);
    res.end(new Uint8Array(await response.arrayBuffer()));
  })().catch(() => {
    res.writeHead(500).end();
  });
}).listen(3000, 'localhost', () => {
  console.log('Open http://localhost:3000/');
});
