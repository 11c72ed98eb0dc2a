import { chromium } from 'playwright-core';
const [,, path, user, width='320', action] = process.argv;
const base = 'http://localhost:3917';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking'] });
const ctx = await b.newContext({ locale: 'nb-NO', viewport: { width: Number(width), height: 700 } });
const p = await ctx.newPage();
p.on('pageerror', e => console.log('PAGEERROR', e.message));
p.on('console', m => { if (m.type() === 'error') console.log('CONSOLE', m.text()); });
if (user) {
  await p.goto(base + '/logg-inn'); await p.getByRole('button', { name: new RegExp('Logg inn som ' + user) }).first().click(); await p.waitForURL(base + '/');
}
await p.goto(base + path, { waitUntil: 'networkidle' });
if (action) { await p.getByRole('button', { name: action }).click(); await p.waitForTimeout(1500); }
const r = await p.evaluate(() => {
  const vw = document.documentElement.clientWidth; const out = [];
  const walk = (el, depth) => { for (const c of el.children) { const r = c.getBoundingClientRect(); if (r.right > vw + 0.5) { out.push('  '.repeat(depth) + c.tagName.toLowerCase() + '.' + (typeof c.className === 'string' ? c.className : '') + ' w=' + Math.round(r.width) + ' right=' + Math.round(r.right)); if (depth < 14 && getComputedStyle(c).overflowX !== 'auto') walk(c, depth + 1); } } };
  walk(document.body, 0);
  return { sw: document.documentElement.scrollWidth, vw, out: out.slice(0, 30) };
});
console.log(JSON.stringify(r, null, 1));
if (process.env.SHOT) await p.screenshot({ path: process.env.SHOT, fullPage: !!process.env.FULL });
await b.close();
