/** The bank's one stylesheet, served at /static/bank.css (no inline styles: strict CSP). */
export const BANK_CSS = `
:root{--ink:#16202b;--muted:#4a5663;--brand:#0a4f8f;--brand-ink:#fff;--line:#d5dce3;--bg:#f3f6f9;--ok:#0f6b3a;--warn:#8a4b00}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--brand)}
a:focus-visible,button:focus-visible{outline:3px solid #d97706;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:1rem;z-index:1}
header{background:var(--brand);color:var(--brand-ink)}
header .bar{max-width:56rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between}
header a{color:var(--brand-ink)}
.brand{font-weight:700;font-size:1.25rem;text-decoration:none}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
main{max-width:56rem;margin:1.5rem auto;padding:0 1rem}
section,.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:1.25rem 1.5rem;margin-bottom:1.25rem}
h1{font-size:1.6rem;margin:.25rem 0 1rem}
h2{font-size:1.2rem;margin:0 0 .75rem}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid var(--line)}
td.amount{text-align:right;font-variant-numeric:tabular-nums}
dl{display:grid;grid-template-columns:minmax(10rem,max-content) 1fr;gap:.4rem 1rem;margin:0}
dt{color:var(--muted)}dd{margin:0}
.button,button{display:inline-block;font:inherit;font-weight:600;padding:.6rem 1.1rem;border-radius:8px;border:2px solid var(--brand);background:var(--brand);color:var(--brand-ink);text-decoration:none;cursor:pointer;min-height:44px}
.button.secondary,button.secondary{background:#fff;color:var(--brand)}
header button{background:#fff;color:var(--brand);border-color:#fff;padding:.35rem .8rem;min-height:36px}
form.inline{display:inline}
.badge{display:inline-block;padding:.1rem .6rem;border-radius:999px;background:#e3eefa;color:var(--brand);font-weight:600;font-size:.9rem}
.note{color:var(--muted)}
.status{border-left:4px solid var(--ok);background:#eaf6ef;padding:.75rem 1rem;border-radius:6px;margin-bottom:1.25rem}
.warning{border-left:4px solid var(--warn);background:#fff4e5;padding:.75rem 1rem;border-radius:6px}
ul.plain{margin:.25rem 0;padding-left:1.25rem}
footer{max-width:56rem;margin:2rem auto;padding:0 1rem;color:var(--muted);font-size:.9rem}
`;
