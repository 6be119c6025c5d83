import { html, SafeHtml } from './html';
import type { PageLocale } from './locale';
import { messagesFor } from './messages';
import { PAGE_TEST_IDS as T } from './test-ids';

// Inline, small, no external assets: the page must render under `default-src 'none'`.
const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f4f5f7}
header{background:#a50e0e;color:#fff;padding:.75rem 1rem}
header p{margin:0;font-weight:600}
main{max-width:36rem;margin:1.5rem auto;padding:1.5rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.4rem;margin:0 0 1rem}
.notice{font-size:.85rem;color:#555;border-left:4px solid #f0b400;padding:.25rem .75rem;margin:0 0 1rem}
.error{border:2px solid #b00020;background:#fdecee;color:#7a0014;padding:.5rem .75rem;border-radius:.25rem}
fieldset{border:1px solid #ccc;border-radius:.4rem;margin:0 0 1rem;padding:.5rem 1rem}
legend{font-weight:600;padding:0 .25rem}
fieldset.personas{border:0;margin:0;padding:0}
.choice{position:relative;display:flex;gap:.75rem;align-items:center;min-height:2.75rem;padding:.5rem 0;border-top:1px solid #e3e3e3}
.choice:first-of-type{border-top:0}
.choice input{position:relative;z-index:1;flex:none;margin:0;width:1.25rem;height:1.25rem}
.choice label{cursor:pointer}
.choice label::after{content:"";position:absolute;inset:0}
.choice-text{display:flex;flex-direction:column}
.hint{display:block;font-size:.85rem;color:#555}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
details.developers{margin-top:1.5rem;font-size:.9rem;color:#333}
details.developers summary{cursor:pointer;min-height:2.75rem;padding:.6rem 0}
code{overflow-wrap:anywhere}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
ul.plain{list-style:none;margin:0;padding:0}
ul.plain li{padding:.5rem 0;border-top:1px solid #e3e3e3}
ul.plain li:first-child{border-top:0}
.tag{font-size:.75rem;border-radius:.2rem;padding:0 .3rem;margin-left:.3rem;background:#eee;color:#333}
.tag.sensitive{background:#fff3cd;color:#6b4e00}
.buttons{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1rem}
button{font:inherit;min-height:2.75rem;padding:.55rem 1.2rem;border-radius:.3rem;border:2px solid #a50e0e;background:#a50e0e;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#a50e0e}
input[type=text]{font:inherit;padding:.45rem .6rem;border:2px solid #777;border-radius:.3rem;width:100%;letter-spacing:.15em;text-transform:uppercase}
a{color:#0b57d0}
a:focus-visible,button:focus-visible,input:focus-visible,summary:focus-visible,.error:focus{outline:3px solid #0b57d0;outline-offset:2px}
`;

const STYLE = new SafeHtml(CSS);

/** Wraps a page body in a full HTML document with the shared header and styles. */
export function renderDocument(options: {
  locale: PageLocale;
  title: string;
  page: string;
  body: SafeHtml;
}): string {
  const m = messagesFor(options.locale);
  const doc = html`<!doctype html>
    <html lang="${options.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${options.title} — ${m.brand}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <header>
          <p>${m.brand}</p>
        </header>
        <main data-testid="${T.page}" data-page="${options.page}">
          <h1>${options.title}</h1>
          <p class="notice">${m.mockNotice}</p>
          ${options.body}
        </main>
      </body>
    </html> `;
  return doc.value;
}
