/**
 * WCAG 1.4.10 Reflow: no page, for any role, is wider than the viewport at 320 CSS px, or at 200 % zoom
 * of a 1280 px window (640 CSS px). axe does not check this; this test visits every route as every role
 * (and the states that widen pages most: a computed partner slate, an open filter form) and asserts
 * document.scrollWidth <= clientWidth, naming the widest elements when it fails.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, browserSession, signIn } from './support';

const ROLES = {
  anonymous: null,
  municipality: { name: 'Ola Hansen', org: 'Fredrikstad kommune' },
  company: { name: 'Nora Solberg', org: 'Flåklypa Parkering (demo)' },
  association: { name: 'Camilla Sørensen', org: 'Næringsforeningen i Demoregionen (demo)' },
  programme: { name: 'Line Aas', org: 'Programmeier for digital bærekraft (demo)' },
} as const;

const WIDTHS = [
  { label: '320 px', width: 320, height: 640 },
  { label: '200 % of 1280 px', width: 640, height: 400 },
];

interface Ids {
  openCall: string;
  closedCall: string;
  ownCall: string;
  company: string;
  association: string;
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return (await res.json()) as T;
}

async function demoIds(baseUrl: string): Promise<Ids> {
  type List = { items: { id: string; municipalityName: string }[] };
  const open = await json<List>(`${baseUrl}/api/calls?status=open&limit=20`);
  const closed = await json<List>(`${baseUrl}/api/calls?status=closed&limit=1`);
  const users = await json<{ items: { id: string; role: string; organisation: { id: string; name: string } }[] }>(`${baseUrl}/api/dev/users`);
  const company = users.items.find((u) => u.organisation.name === ROLES.company.org)!;
  const association = users.items.find((u) => u.organisation.name === ROLES.association.org)!;
  const own = open.items.find((c) => c.municipalityName === 'Fredrikstad') ?? open.items[0]!;
  return {
    openCall: open.items[0]!.id,
    closedCall: closed.items[0]?.id ?? open.items[1]!.id,
    ownCall: own.id,
    company: company.organisation.id,
    association: association.organisation.id,
  };
}

function routesOf(ids: Ids): string[] {
  return [
    '/',
    '/?status=closed',
    '/logg-inn',
    '/om',
    '/om/apne-data',
    '/tilgjengelighet',
    '/personvern',
    '/kontakt',
    '/erfaringer',
    '/foreninger',
    `/foreninger/${ids.association}`,
    `/bedrifter/${ids.company}`,
    `/utlysninger/${ids.openCall}`,
    `/utlysninger/${ids.closedCall}`,
    `/utlysninger/${ids.ownCall}/rediger`,
    '/utlysninger/ny',
    '/mine-utlysninger',
    '/mine-tilbud',
    '/profil',
    '/varsler',
    '/forening',
    '/program',
    '/program/partnerforslag',
    '/avmeld',
    '/finnes-ikke',
  ];
}

/** Width of the document against the viewport, and the widest offenders when it overflows. */
async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const vw = root.clientWidth;
    const culprits: string[] = [];
    if (root.scrollWidth > vw) {
      for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
        const r = el.getBoundingClientRect();
        if (r.right > vw + 0.5 && r.width > 0) {
          const name =
            el.tagName.toLowerCase() +
            (el.id ? `#${el.id}` : '') +
            (el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
          culprits.push(`${name} (right ${Math.round(r.right)} px)`);
        }
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: vw, culprits: culprits.slice(-6) };
  });
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor();
  // Wait until no skeleton or "loading" placeholder is left, so the page is measured with its data.
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 15_000 }).toBe(0);
}

describe.skipIf(!browserAvailable)('reflow (WCAG 1.4.10) on every route as every role', () => {
  const s = browserSession();
  let ids: Ids;

  for (const [role, user] of Object.entries(ROLES)) {
    it(`${role}: no page is wider than the viewport at 320 px or at 200 % zoom`, async () => {
      ids ??= await demoIds(s.server.baseUrl);
      const page = await s.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      if (user) await signIn(page, s.server.baseUrl, user.name, user.org);
      const failures: string[] = [];
      for (const route of routesOf(ids)) {
        await page.setViewportSize({ width: WIDTHS[0]!.width, height: WIDTHS[0]!.height });
        await page.goto(s.server.baseUrl + route);
        await settle(page);
        for (const w of WIDTHS) {
          await page.setViewportSize({ width: w.width, height: w.height });
          const o = await overflow(page);
          if (o.scrollWidth > o.clientWidth) failures.push(`${route} at ${w.label}: ${o.scrollWidth} > ${o.clientWidth} px; ${o.culprits.join(', ')}`);
        }
      }
      // The widest state a page has: the programme owner's computed partner slate.
      if (role === 'programme') {
        await page.setViewportSize({ width: 320, height: 640 });
        await page.goto(`${s.server.baseUrl}/program/partnerforslag`);
        await settle(page);
        await page.getByRole('button', { name: 'Beregn partnerforslag' }).click();
        await page.getByRole('table').first().waitFor();
        for (const w of WIDTHS) {
          await page.setViewportSize({ width: w.width, height: w.height });
          const o = await overflow(page);
          if (o.scrollWidth > o.clientWidth) failures.push(`computed slate at ${w.label}: ${o.scrollWidth} > ${o.clientWidth} px; ${o.culprits.join(', ')}`);
        }
      }
      expect(failures).toEqual([]);
      await page.context().close();
    });
  }

  it('had no uncaught page errors', () => {
    expect(s.errors).toEqual([]);
  });
});
