import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderCallPage, writeCallPage } from '../../../../functions/site/render-call-page.js';
import { localSiteWriter, resetSiteWriter } from '../../../../functions/site/site-writer.js';
import type { Call } from '../../../../shared/schemas/calls.js';

const SHELL = `<!doctype html><html lang="nb"><head><meta charset="utf-8" />
<meta name="description" content="Innovasjonstorget: innovasjonsutlysninger" />
<title>Innovasjonstorget</title><link href="/_app/immutable/assets/0.css" rel="stylesheet"></head>
<body><div style="display: contents"><script>start()</script></div></body></html>`;

const call: Call = {
  id: '01JCALL',
  municipalityCode: '3107',
  municipalityName: 'Fredrikstad',
  title: 'Smart <avfallshenting> & ruter',
  summary: 'Sensorer i containere, «færre turer».',
  description: 'Lang beskrivelse.\nTo linjer.',
  domains: ['environment'] as Call['domains'],
  cpvCodes: [],
  deadline: '2027-02-15T11:00:00.000Z',
  procedure: 'market-dialogue' as Call['procedure'],
  status: 'open',
  phase: 'open',
  version: 2,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
  publishedAt: '2026-11-02T10:00:00.000Z',
};

afterEach(() => resetSiteWriter());

describe('renderCallPage', () => {
  const html = renderCallPage(call, SHELL, 'https://innovasjonstorget.no', new Date('2026-12-01T00:00:00Z'));

  it('puts the call in the page, escaped, with the deadline in Oslo time, before the app script', () => {
    expect(html).toContain('<h1>Smart &lt;avfallshenting&gt; &amp; ruter</h1>');
    expect(html).not.toContain('<avfallshenting>');
    expect(html).toContain('15. februar 2027 kl. 12:00');
    expect(html).toContain('<strong>Fredrikstad kommune</strong>');
    expect(html.indexOf('id="static-call"')).toBeLessThan(html.indexOf('<script>start()'));
    expect(html).toContain('/_app/immutable/assets/0.css');
  });

  it('has one title and description, Open Graph and JSON-LD for previews', () => {
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain('<title>Smart &lt;avfallshenting&gt; &amp; ruter – Fredrikstad kommune – Innovasjonstorget</title>');
    expect(html.match(/name="description"/g)).toHaveLength(1);
    expect(html).toContain('<meta property="og:url" content="https://innovasjonstorget.no/utlysninger/01JCALL" />');
    expect(html).toContain('<meta property="og:description" content="Sensorer i containere, «færre turer»." />');
    const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]!);
    expect(ld.mainEntity).toMatchObject({ '@type': 'Demand', availabilityEnds: call.deadline, name: call.title });
    expect(html).not.toMatch(/ld\+json">[^<]*<avfallshenting/);
  });

  it('says so when the call is cancelled', () => {
    const cancelled = renderCallPage({ ...call, status: 'cancelled', cancelledAt: '2026-11-20T10:00:00.000Z' }, SHELL, 'https://x.no');
    expect(cancelled).toContain('Utlysningen er avlyst.');
    expect(cancelled).toContain('content="Avlyst: Sensorer');
  });
});

describe('writeCallPage', () => {
  it('writes published calls under the site root, and a draft only the bare shell', async () => {
    const root = mkdtempSync(join(tmpdir(), 'site-'));
    try {
      writeFileSync(join(root, '200.html'), SHELL);
      resetSiteWriter(localSiteWriter(root));
      await writeCallPage(call);
      expect(readFileSync(join(root, 'utlysninger/01JCALL.html'), 'utf8')).toContain('id="static-call"');
      await writeCallPage({ ...call, id: '01JDRAFT', status: 'draft', publishedAt: undefined });
      // Nothing of the draft is public, but its address has a file (CloudFront cannot fall back to the shell).
      expect(readFileSync(join(root, 'utlysninger/01JDRAFT.html'), 'utf8')).toBe(SHELL);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('does nothing without a shell (an API-only installation)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'site-'));
    try {
      resetSiteWriter(localSiteWriter(root));
      await writeCallPage(call);
      expect(existsSync(join(root, 'utlysninger'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
