import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBody, passTime, proposalBody, serverNow, startTestStack } from '../../support/local-stack.js';
import { companies, users } from '../../support/demo-users.js';
import { declaration, download, pdfBytes, pngBytes, sha256, uploadFile, useOutbox } from '../../support/openphase.js';
import { removeAllSubscriptions } from '../../support/demo-subscriptions.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
let outbox: ReturnType<typeof useOutbox>;
const t: Record<string, string> = {};
const DAY = 86_400_000;
const BIDDER_EMAIL = 'anbud@smartparkering.example';

beforeAll(async () => {
  stack = await startTestStack();
  await removeAllSubscriptions();
  outbox = useOutbox();
  for (const who of ['fredrikstad', 'halden', 'sarpsborgCompany', 'otherCompany'] as const) t[who] = await stack.client.login(users[who]);
  const { orgNumber: _o, updatedAt: _u, cpvLabels: _l, ...profile } = (await stack.client.call('GET', `/api/companies/${companies.sarpsborg.id}`)).body;
  await stack.client.call('PUT', `/api/companies/${companies.sarpsborg.id}`, { token: t.sarpsborgCompany, body: { ...profile, contactEmail: BIDDER_EMAIL } });
});
afterAll(async () => {
  await stack?.close();
  outbox?.close();
});

async function draftCall(days = 20) {
  const deadline = new Date((await serverNow(stack.client)) + days * DAY).toISOString();
  const draft = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ deadline }) });
  return draft.body.id as string;
}
async function openCall(days = 20) {
  const id = await draftCall(days);
  expect((await stack.client.call('POST', `/api/calls/${id}/publish`, { token: t.fredrikstad })).status).toBe(200);
  return id;
}
const docs = (id: string, token?: string) => stack.client.call('GET', `/api/calls/${id}/documents`, { token });

describe('call documents', () => {
  it('owner uploads to a draft; listed once verified; anonymous visitors download the same bytes once published', async () => {
    const id = await draftCall();
    const bytes = pdfBytes('Kravspesifikasjon');
    const { declared, put } = await uploadFile(stack.client, t.fredrikstad, `/api/calls/${id}/documents`, bytes);
    expect(declared.status).toBe(201);
    expect(declared.body.upload).toMatchObject({ method: 'PUT', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//) });
    expect(put!.status).toBe(200);
    const listed = await docs(id, t.fredrikstad);
    expect(listed.body.items).toEqual([
      {
        id: declared.body.id,
        fileName: 'konkurransegrunnlag.pdf',
        contentType: 'application/pdf',
        size: bytes.length,
        sha256: sha256(bytes),
        uploadedAt: expect.any(String),
      },
    ]);
    expect((await docs(id)).status).toBe(404); // a draft's documents are the owner's
    await stack.client.call('POST', `/api/calls/${id}/publish`, { token: t.fredrikstad });
    const { res, file } = await download(stack.client, `/api/calls/${id}/documents/${declared.body.id}`);
    expect(res.status).toBe(302);
    expect(file!.status).toBe(200);
    expect(file!.headers.get('content-disposition')).toMatch(/^attachment; filename="konkurransegrunnlag.pdf"/);
    expect(sha256(file!.bytes)).toBe(sha256(bytes));
    expect(readdirSync(join(stack.dataDir, 'files', 'calls', id, 'documents'))).toEqual([declared.body.id]);
  });

  it('does not list a declared file until its bytes arrive, and refuses bytes that differ from the declaration', async () => {
    const id = await draftCall();
    const bytes = pdfBytes();
    const declared = await stack.client.call('POST', `/api/calls/${id}/documents`, { token: t.fredrikstad, body: declaration(bytes) });
    expect((await docs(id, t.fredrikstad)).body.items).toEqual([]);
    const url = declared.body.upload.url as string;
    const type = { 'content-type': 'application/pdf' };
    const other = pdfBytes('Noe annet innhold her');
    expect((await fetch(url, { method: 'PUT', headers: type, body: new Uint8Array(other) })).status).toBeGreaterThanOrEqual(400); // size and checksum
    const sameSize = Buffer.from(bytes);
    sameSize[sameSize.length - 2] = 0x41;
    const wrongSum = await fetch(url, { method: 'PUT', headers: type, body: new Uint8Array(sameSize) });
    expect(wrongSum.status).toBe(400);
    expect(await wrongSum.text()).toMatch(/SHA-256/);
    expect((await fetch(url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: new Uint8Array(bytes) })).status).toBe(403);
    expect(
      (
        await fetch(
          url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
          { method: 'PUT', headers: type, body: new Uint8Array(bytes) },
        )
      ).status,
    ).toBe(403);
    expect((await docs(id, t.fredrikstad)).body.items).toEqual([]);
    expect((await fetch(url, { method: 'PUT', headers: type, body: new Uint8Array(bytes) })).status).toBe(200);
    expect((await docs(id, t.fredrikstad)).body.items).toHaveLength(1);
  });

  it('refuses content that is not what the type says (sniffed) and never lists it', async () => {
    const id = await draftCall();
    const fake = Buffer.from('MZ this is really an executable, not a PDF at all');
    const { put } = await uploadFile(stack.client, t.fredrikstad, `/api/calls/${id}/documents`, fake);
    expect(put!.status).toBe(415);
    expect((await docs(id, t.fredrikstad)).body.items).toEqual([]);
    const png = await uploadFile(stack.client, t.fredrikstad, `/api/calls/${id}/documents`, pngBytes(), { fileName: 'kart.png', contentType: 'image/png' });
    expect(png.put!.status).toBe(200);
  });

  it('names the limit it enforces: type (400), 25 MiB (413), 20 files (400)', async () => {
    const id = await draftCall();
    const exe = await stack.client.call('POST', `/api/calls/${id}/documents`, {
      token: t.fredrikstad,
      body: declaration(pdfBytes(), { contentType: 'application/x-msdownload' }),
    });
    expect(exe.status).toBe(400);
    expect(exe.body.detail).toMatch(/PDF, DOCX/);
    const big = await stack.client.call('POST', `/api/calls/${id}/documents`, {
      token: t.fredrikstad,
      body: declaration(pdfBytes(), { size: 25 * 1024 * 1024 + 1 }),
    });
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toContain('application/problem+json');
    expect(big.body.detail).toMatch(/25 MiB/);
    for (let i = 0; i < 20; i++) {
      const { put } = await uploadFile(stack.client, t.fredrikstad, `/api/calls/${id}/documents`, pdfBytes(`vedlegg ${i}`), { fileName: `vedlegg-${i}.pdf` });
      expect(put!.status).toBe(200);
    }
    const twentyFirst = await stack.client.call('POST', `/api/calls/${id}/documents`, { token: t.fredrikstad, body: declaration(pdfBytes('21')) });
    expect(twentyFirst.status).toBe(400);
    expect(twentyFirst.body.detail).toMatch(/20 files/);
    expect(
      (await stack.client.call('POST', `/api/calls/${id}/documents`, { token: t.fredrikstad, body: declaration(pdfBytes(), { sha256: 'ABC' }) })).status,
    ).toBe(400);
    expect(
      (await stack.client.call('POST', `/api/calls/${id}/documents`, { token: t.fredrikstad, body: declaration(pdfBytes(), { fileName: '../../etc/passwd' }) }))
        .status,
    ).toBe(400);
  });

  it('only the owner uploads (403 for another municipality and companies)', async () => {
    const id = await openCall();
    expect(
      (
        await stack.client.call('POST', `/api/calls/${id}/documents`, {
          token: t.halden,
          body: declaration(pdfBytes(), { changeNote: 'Ny versjon av grunnlaget.' }),
        })
      ).status,
    ).toBe(403);
    expect((await stack.client.call('POST', `/api/calls/${id}/documents`, { token: t.sarpsborgCompany, body: declaration(pdfBytes()) })).status).toBe(403);
  });

  it('after publication adding, replacing and removing a document is a correction: note required, notices sent, logged with names and checksums', async () => {
    const id = await openCall();
    await stack.client.call('PUT', `/api/calls/${id}/proposals/mine`, { token: t.sarpsborgCompany, body: proposalBody() });
    await outbox.take();
    const v1 = pdfBytes('versjon 1');
    expect((await stack.client.call('POST', `/api/calls/${id}/documents`, { token: t.fredrikstad, body: declaration(v1) })).status).toBe(400);
    const first = await uploadFile(stack.client, t.fredrikstad, `/api/calls/${id}/documents`, v1, { changeNote: 'Konkurransegrunnlaget er lagt ut.' });
    expect(first.put!.status).toBe(200);
    const v2 = pdfBytes('versjon 2 med rettet tabell');
    const second = await uploadFile(stack.client, t.fredrikstad, `/api/calls/${id}/documents`, v2, {
      fileName: 'konkurransegrunnlag-v2.pdf',
      replaces: first.declared.body.id,
      changeNote: 'Tabell 3 hadde feil tall.',
    });
    expect(second.put!.status).toBe(200);
    expect((await docs(id)).body.items.map((d: any) => d.fileName)).toEqual(['konkurransegrunnlag-v2.pdf']);
    const mails = await outbox.take();
    expect(mails).toHaveLength(2);
    expect(mails.every((m) => m.to[0] === BIDDER_EMAIL)).toBe(true);
    expect(mails[1]!.text).toContain('Tabell 3 hadde feil tall.');
    expect(mails[1]!.text).toContain('konkurransegrunnlag-v2.pdf');
    expect(mails[1]!.text).toMatch(/tilbud.*oppdateres/s);

    const path = `/api/calls/${id}/documents/${second.declared.body.id}`;
    expect((await stack.client.call('DELETE', path, { token: t.fredrikstad, body: {} })).status).toBe(400);
    expect((await stack.client.call('DELETE', path, { token: t.fredrikstad, body: { changeNote: 'Dokumentet trekkes tilbake.' } })).status).toBe(204);
    expect((await docs(id)).body.items).toEqual([]);
    // Published versions are kept for the archive package (award path), never listed or served again.
    expect(existsSync(join(stack.dataDir, 'files', 'calls', id, 'documents', second.declared.body.id))).toBe(true);
    expect((await stack.client.call('GET', path)).status).toBe(404);

    // The public change log shows them as corrections, with the file names, in time order.
    const changes = await stack.client.call('GET', `/api/calls/${id}/changes`);
    expect(changes.body.items.map((c: any) => c.note)).toEqual([
      'Konkurransegrunnlaget er lagt ut.',
      'Tabell 3 hadde feil tall.',
      'Dokumentet trekkes tilbake.',
    ]);
    expect(changes.body.items[1].fields[0].name).toBe('document:konkurransegrunnlag-v2.pdf');
    const { documentChanges } = await import('../../../functions/files/documents.js');
    const log = await documentChanges(id);
    expect(log.map((c) => c.note)).toEqual(['Konkurransegrunnlaget er lagt ut.', 'Tabell 3 hadde feil tall.', 'Dokumentet trekkes tilbake.']);
    expect(log[1]!.fields[0]).toEqual({
      name: 'document:konkurransegrunnlag-v2.pdf',
      before: { fileName: 'konkurransegrunnlag.pdf', sha256: sha256(v1), size: v1.length },
      after: { fileName: 'konkurransegrunnlag-v2.pdf', sha256: sha256(v2), size: v2.length },
    });
  });

  it('refuses a document correction less than six days before the deadline (409 deadline-too-close, naming the earliest deadline)', async () => {
    const id = await openCall(5);
    const res = await stack.client.call('POST', `/api/calls/${id}/documents`, {
      token: t.fredrikstad,
      body: declaration(pdfBytes(), { changeNote: 'Nytt vedlegg i siste liten.' }),
    });
    expect(res.status).toBe(409);
    expect(res.body.type).toMatch(/deadline-too-close$/);
    const earliest = /(\d{4}-\d\d-\d\dT[\d:.]+Z)/.exec(res.body.detail)![1]!;
    expect(Date.parse(earliest) - (await serverNow(stack.client))).toBeGreaterThan(6 * DAY - 60_000);
  });
});

describe('proposal attachments', () => {
  it('sealed like the proposal: owner cannot read before the deadline (403), can after; the company lists its own', async () => {
    const id = await openCall(10);
    const bytes = pdfBytes('CV for prosjektleder');
    expect(
      (await stack.client.call('POST', `/api/calls/${id}/proposals/mine/attachments`, { token: t.sarpsborgCompany, body: declaration(bytes) })).status,
    ).toBe(409);
    await stack.client.call('PUT', `/api/calls/${id}/proposals/mine`, { token: t.sarpsborgCompany, body: proposalBody() });
    const { declared, put } = await uploadFile(stack.client, t.sarpsborgCompany, `/api/calls/${id}/proposals/mine/attachments`, bytes, { fileName: 'cv.pdf' });
    expect(put!.status).toBe(200);
    const mine = await stack.client.call('GET', `/api/calls/${id}/proposals/mine/attachments`, { token: t.sarpsborgCompany });
    expect(mine.body.items).toEqual([expect.objectContaining({ id: declared.body.id, fileName: 'cv.pdf', sha256: sha256(bytes) })]);
    const other = await stack.client.call('GET', `/api/calls/${id}/proposals/mine/attachments`, { token: t.otherCompany });
    expect(other.body.items).toEqual([]);

    const path = `/api/calls/${id}/proposals/${companies.sarpsborg.id}/attachments`;
    expect((await stack.client.call('GET', path, { token: t.fredrikstad })).status).toBe(403);
    expect((await download(stack.client, `${path}/${declared.body.id}`, t.fredrikstad)).res.status).toBe(403);
    expect((await download(stack.client, `${path}/${declared.body.id}`, t.halden)).res.status).toBe(403);
    expect((await download(stack.client, `${path}/${declared.body.id}`, t.otherCompany)).res.status).toBe(403);

    await passTime(stack.client, 10 * DAY + 60_000);
    // After the deadline, still only for a user who has declared impartiality (award path).
    expect((await stack.client.call('GET', path, { token: t.fredrikstad })).body.type).toMatch(/impartiality-required$/);
    expect((await stack.client.call('POST', `/api/calls/${id}/impartiality`, { token: t.fredrikstad, body: { impartial: true } })).status).toBe(201);
    expect((await stack.client.call('GET', path, { token: t.fredrikstad })).body.items).toHaveLength(1);
    const { res, file } = await download(stack.client, `${path}/${declared.body.id}`, t.fredrikstad);
    expect(res.status).toBe(302);
    expect(sha256(file!.bytes)).toBe(sha256(bytes));
    expect((await download(stack.client, `${path}/${declared.body.id}`, t.halden)).res.status).toBe(403);
    // After the deadline nothing more can be attached.
    expect(
      (await stack.client.call('POST', `/api/calls/${id}/proposals/mine/attachments`, { token: t.sarpsborgCompany, body: declaration(pdfBytes('sent')) }))
        .status,
    ).toBe(409);
  });

  it('keeps a redacted copy linked to its original, and deletes attachments when the proposal is withdrawn', async () => {
    const id = await openCall();
    await stack.client.call('PUT', `/api/calls/${id}/proposals/mine`, { token: t.otherCompany, body: proposalBody() });
    const path = `/api/calls/${id}/proposals/mine/attachments`;
    const original = await uploadFile(stack.client, t.otherCompany, path, pdfBytes('referanse'), { fileName: 'referanse.pdf' });
    expect((await stack.client.call('POST', path, { token: t.otherCompany, body: declaration(pdfBytes('sladdet'), { redacts: 'nope' }) })).status).toBe(404);
    const redacted = await uploadFile(stack.client, t.otherCompany, path, pdfBytes('sladdet'), {
      fileName: 'referanse-sladdet.pdf',
      redacts: original.declared.body.id,
    });
    expect(redacted.put!.status).toBe(200);
    const listed = (await stack.client.call('GET', path, { token: t.otherCompany })).body.items;
    expect(listed.find((f: any) => f.fileName === 'referanse-sladdet.pdf').redacts).toBe(original.declared.body.id);

    expect((await stack.client.call('DELETE', `/api/calls/${id}/proposals/mine`, { token: t.otherCompany })).status).toBe(204);
    expect((await stack.client.call('GET', path, { token: t.otherCompany })).body.items).toEqual([]);
    expect(existsSync(join(stack.dataDir, 'files', 'calls', id, 'proposals', companies.other.id, original.declared.body.id))).toBe(false);
  });
});
