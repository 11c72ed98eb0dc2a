/**
 * From deadline to contract on dynalite through the real router, time moved with the settable clock:
 * a single-stage competition, a two-stage procedure and a market dialogue, end to end.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { simpleParser } from 'mailparser';
import { startTestStack, callBody, passTime, serverNow, defaultCriteria } from '../../support/local-stack.js';
import { users } from '../../support/demo-users.js';
import { COMPANIES } from '../../../infra/local/demo-data.js';
import { resetMailer } from '../../../functions/notifications/mailer.js';
import { notifyCancellation } from '../../../functions/award/decisions.js';
import { pdfBytes, pngBytes, sha256, uploadFile } from '../../support/openphase.js';

const DAY = 86_400_000;
let stack: Awaited<ReturnType<typeof startTestStack>>;
let outbox: string;
const t: Record<string, string> = {};
const [A, B, C] = [COMPANIES[0]!, COMPANIES[1]!, COMPANIES[2]!];

beforeAll(async () => {
  outbox = mkdtempSync(join(tmpdir(), 'torget-letters-'));
  Object.assign(process.env, { OUTBOX_DIR: outbox, MAIL_TRANSPORT: 'file' });
  resetMailer();
  stack = await startTestStack();
  for (const who of ['fredrikstad', 'halden', 'programme'] as const) t[who] = await stack.client.login(users[who]);
  for (const c of [A, B, C]) t[c.id] = await stack.client.login(`user-${c.id}`);
});
afterAll(async () => {
  await stack?.close();
  rmSync(outbox, { recursive: true, force: true });
  delete process.env.OUTBOX_DIR;
  resetMailer();
});

const api = (method: string, path: string, token?: string, body?: unknown, headers?: Record<string, string>) =>
  stack.client.call(method, path, { token, body, headers });

async function publish(overrides: Record<string, unknown>, deadlineInMs = 60_000) {
  const created = await api(
    'POST',
    '/api/calls',
    t.fredrikstad,
    callBody({ deadline: new Date((await serverNow(stack.client)) + deadlineInMs).toISOString(), ...overrides }),
  );
  expect(created.status).toBe(201);
  return { id: created.body.id as string, publish: await api('POST', `/api/calls/${created.body.id}/publish`, t.fredrikstad) };
}

/** Letters written to the outbox for one call, parsed, by organisation number. */
async function lettersFor(callId: string, kind: string) {
  const out = new Map<string, Awaited<ReturnType<typeof simpleParser>>>();
  for (const f of readdirSync(outbox).filter((f) => f.endsWith('.eml'))) {
    const mail = await simpleParser(readFileSync(join(outbox, f)));
    const header = String(mail.headers.get('x-innovasjonstorget-letter') ?? '');
    const m = /^(\w+); call=(\w+); org=(\d+)$/.exec(header);
    if (m && m[1] === kind && m[2] === callId) out.set(m[3]!, mail);
  }
  return out;
}

const tender = (priceNok: number, extra: Record<string, unknown> = {}) => ({
  summary: 'Vi leverer en pilot med sensorer og app.',
  description: 'Pilot i tre måneder med evaluering sammen med kommunen.',
  priceNok,
  ...extra,
});
const selfDeclaration = { noExclusionGrounds: true, taxAndVatPaid: true, hmsCompliant: true };

describe('criteria and the climate rule at publication', () => {
  it('refuses a competition without criteria, with weights not summing to 100, or without the climate rule (400 naming § 7-9)', async () => {
    const none = await publish({ awardCriteria: undefined });
    expect(none.publish.status).toBe(400);
    const sum = await publish({ awardCriteria: defaultCriteria.slice(0, 2) });
    expect(sum.publish.status).toBe(400);
    expect(sum.publish.body.detail).toMatch(/sum to 70/);
    const lowClimate = [
      { ...defaultCriteria[0], weight: 50 },
      { ...defaultCriteria[1], weight: 30 },
      { ...defaultCriteria[2], weight: 20 },
    ];
    const low = await publish({ awardCriteria: lowClimate });
    expect(low.publish.status).toBe(400);
    expect(low.publish.body.detail).toMatch(/§ 7-9/);
    const asRequirements = await publish({
      awardCriteria: lowClimate,
      climateRequirements: { text: 'Kravspesifikasjonen stiller krav til utslippsfri transport.' },
    });
    expect(asRequirements.publish.status).toBe(200);
    expect(asRequirements.publish.body.phase).toBe('open');
    const dialogue = await publish({ procedure: 'market-dialogue', awardCriteria: defaultCriteria });
    expect(dialogue.publish.status).toBe(400);
  });
});

describe('a single-stage competition from deadline to contract', () => {
  let id: string;

  it('takes tenders with a price only, and shows phase open', async () => {
    ({ id } = await publish({}));
    expect((await api('PUT', `/api/calls/${id}/proposals/mine`, t[A.id], tender(1))).status).toBe(201);
    const noPrice = await api('PUT', `/api/calls/${id}/proposals/mine`, t[A.id], {
      summary: 'Uten pris her, dessverre.',
      description: 'Et tilbud uten pris kan ikke evalueres.',
    });
    expect(noPrice.status).toBe(400);
    expect(
      (
        await api(
          'PUT',
          `/api/calls/${id}/proposals/mine`,
          t[A.id],
          tender(100_000, { confidential: [{ part: 'description', reason: 'Forretningshemmelighet om teknologien.' }] }),
        )
      ).status,
    ).toBe(200);
    expect((await api('PUT', `/api/calls/${id}/proposals/mine`, t[B.id], tender(200_000))).status).toBe(201);
    expect((await api('PUT', `/api/calls/${id}/proposals/mine`, t[C.id], tender(400_000))).status).toBe(201);
    expect((await api('GET', `/api/calls/${id}`)).body.phase).toBe('open');
  });

  it('needs an impartiality declaration before any reading, after the deadline', async () => {
    expect((await api('POST', `/api/calls/${id}/impartiality`, t.fredrikstad, { impartial: true })).status).toBe(409);
    await passTime(stack.client, 61_000);
    expect((await api('GET', `/api/calls/${id}`)).body.phase).toBe('evaluation');
    const denied = await api('GET', `/api/calls/${id}/proposals`, t.fredrikstad);
    expect(denied.status).toBe(403);
    expect(denied.body.type).toMatch(/impartiality-required$/);
    expect((await api('GET', `/api/calls/${id}/evaluation`, t.fredrikstad)).body.type).toMatch(/impartiality-required$/);
    expect((await api('POST', `/api/calls/${id}/impartiality`, t.fredrikstad, { impartial: false })).status).toBe(400);
    expect((await api('POST', `/api/calls/${id}/impartiality`, t.fredrikstad, { impartial: true })).status).toBe(201);
    expect((await api('POST', `/api/calls/${id}/impartiality`, t.fredrikstad, { impartial: false, reason: 'Ombestemt meg' })).status).toBe(409);
    expect((await api('GET', `/api/calls/${id}/proposals`, t.fredrikstad)).body.items).toHaveLength(3);
  });

  it('evaluates with ETag / If-Match, price by formula only', async () => {
    const path = `/api/calls/${id}/evaluations/${A.id}`;
    expect((await api('PUT', path, t.fredrikstad, { scores: { pris: 10, kvalitet: 5 } })).status).toBe(400);
    expect((await api('PUT', path, t.fredrikstad, { scores: { ukjent: 5 } })).status).toBe(400);
    const first = await api('PUT', path, t.fredrikstad, { scores: { kvalitet: 6, klima: 8 }, notes: 'Godt gjennomarbeidet.' });
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe('"1"');
    expect((await api('PUT', path, t.fredrikstad, { scores: { kvalitet: 7, klima: 8 } })).status).toBe(428);
    expect((await api('PUT', path, t.fredrikstad, { scores: { kvalitet: 7, klima: 8 } }, { 'if-match': '"9"' })).status).toBe(412);
    const second = await api('PUT', path, t.fredrikstad, { scores: { kvalitet: 7, klima: 8 } }, { 'if-match': '"1"' });
    expect(second.status).toBe(200);
    expect(second.headers.get('etag')).toBe('"2"');
    // Concurrent first evaluations of one tender: exactly one is created, the others must send If-Match.
    const racing = await Promise.all(
      Array.from({ length: 8 }, () => api('PUT', `/api/calls/${id}/evaluations/${B.id}`, t.fredrikstad, { scores: { kvalitet: 9, klima: 9 } })),
    );
    expect(racing.filter((r) => r.status === 201)).toHaveLength(1);
    expect(racing.every((r) => r.status === 201 || r.status === 428 || r.status === 412)).toBe(true);
    expect((await api('GET', `/api/calls/${id}/evaluations/${B.id}`, t.fredrikstad)).headers.get('etag')).toBe('"1"');
    // Not every tender evaluated: no award yet.
    expect((await api('POST', `/api/calls/${id}/award`, t.fredrikstad, { winners: [B.id], reasons: 'x'.repeat(60) })).status).toBe(409);
    expect((await api('PUT', `/api/calls/${id}/evaluations/${C.id}`, t.fredrikstad, { scores: { kvalitet: 4, klima: 3.5 } })).status).toBe(201);
  });

  it('ranks with weighted scores and totals reproducible from the scores and weights', async () => {
    const table = await api('GET', `/api/calls/${id}/evaluation`, t.fredrikstad);
    expect(table.status).toBe(200);
    expect(table.body.complete).toBe(true);
    const byOrg = Object.fromEntries(table.body.items.map((i: any) => [i.orgNumber, i]));
    expect(byOrg[A.id].scores.pris).toBe(10);
    expect(byOrg[B.id].scores.pris).toBe(5);
    expect(byOrg[C.id].scores.pris).toBe(2.5);
    // A: 40×10/10 + 30×7/10 + 30×8/10 = 40 + 21 + 24 = 85; B: 20 + 27 + 27 = 74; C: 10 + 12 + 10.5 = 32.5
    expect(table.body.items.map((i: any) => [i.orgNumber, i.total, i.rank])).toEqual([
      [A.id, 85, 1],
      [B.id, 74, 2],
      [C.id, 32.5, 3],
    ]);
    expect(byOrg[C.id].weighted).toEqual({ pris: 10, kvalitet: 12, klima: 10.5 });
  });

  it('previews the letters, then awards: one letter per tenderer, phase standstill, no contract before it ends', async () => {
    const reasons = 'Tilbudet fra vinneren har lavest pris og god kvalitet, og oppnår høyest sum etter de publiserte kriteriene.';
    const before = (await lettersFor(id, 'award')).size;
    const preview = await api('POST', `/api/calls/${id}/award/preview`, t.fredrikstad, { winners: [A.id], reasons });
    expect(preview.status).toBe(200);
    expect(preview.body.letters).toHaveLength(3);
    expect((await lettersFor(id, 'award')).size).toBe(before);
    expect((await api('POST', `/api/calls/${id}/award`, t.fredrikstad, { winners: [A.id], reasons: 'for kort' })).status).toBe(400);
    expect((await api('POST', `/api/calls/${id}/award`, t.fredrikstad, { winners: [A.id], reasons, standstillDays: 4 })).status).toBe(400);
    const award = await api('POST', `/api/calls/${id}/award`, t.fredrikstad, { winners: [A.id], reasons });
    expect(award.status).toBe(201);
    expect(award.body.call.phase).toBe('standstill');
    expect(award.body.decision.letters).toHaveLength(3);

    const letters = await lettersFor(id, 'award');
    expect([...letters.keys()].sort()).toEqual([A.id, B.id, C.id].sort());
    const toB = letters.get(B.id)!.text!;
    expect(toB).toContain(A.name);
    expect(toB).toContain('85,00');
    expect(toB).toContain('74,00');
    expect(toB).not.toContain(C.name);
    expect(toB).toContain('kr ekskl. mva.');
    expect(toB).toMatch(/Karensperioden varer til/);

    const mine = await api('GET', `/api/calls/${id}/award/letter`, t[C.id]);
    expect(mine.status).toBe(200);
    expect(mine.body.text).toContain('32,50');
    expect(mine.body.text).not.toContain(B.name);
    expect(
      (await api('POST', `/api/calls/${id}/contract`, t.fredrikstad, { signedAt: new Date(await serverNow(stack.client)).toISOString(), valueNok: 100_000 }))
        .status,
    ).toBe(409);
    expect((await api('GET', `/api/calls/${id}`)).body.contract).toBeUndefined();
  });

  it('gives an insight copy with the marked parts replaced', async () => {
    const copy = await api('GET', `/api/calls/${id}/insight/${A.id}`, t.fredrikstad);
    expect(copy.status).toBe(200);
    expect(copy.body.description).toBe('[unntatt offentlighet]');
    expect(copy.body.priceNok).toBe(100_000);
  });

  it('withdraws the decision during the standstill (letters to all), awards again, and records the contract after it', async () => {
    const withdrawn = await api('POST', `/api/calls/${id}/award/withdraw`, t.fredrikstad, { reason: 'Feil i poengberegningen for kvalitet.' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.phase).toBe('evaluation');
    expect((await lettersFor(id, 'withdrawal')).size).toBe(3);
    const reasons = 'Etter ny gjennomgang har vinneren fortsatt høyest sum etter de publiserte kriteriene og vektene.';
    expect((await api('POST', `/api/calls/${id}/award`, t.fredrikstad, { winners: [A.id], reasons, standstillDays: 5 })).status).toBe(201);
    expect((await api('GET', `/api/calls/${id}/award`, t.fredrikstad)).body.items).toHaveLength(2);
    await passTime(stack.client, 5 * DAY + 1000);
    const signedAt = new Date(await serverNow(stack.client)).toISOString();
    const contract = await api('POST', `/api/calls/${id}/contract`, t.fredrikstad, { signedAt, valueNok: 100_000, durationMonths: 12 });
    expect(contract.status).toBe(201);
    expect(contract.body.phase).toBe('contracted');
    const pub = await api('GET', `/api/calls/${id}`);
    expect(pub.body.contract).toMatchObject({ valueNok: 100_000, winners: [{ orgNumber: A.id, name: A.name }], reasons });
  });

  it('documents the course in the protocol (JSON and printable bokmål HTML)', async () => {
    const protocol = await api('GET', `/api/calls/${id}/protocol`, t.fredrikstad);
    expect(protocol.status).toBe(200);
    const types = protocol.body.events.map((e: any) => e.type);
    for (const type of [
      'created',
      'published',
      'request-deadline',
      'impartiality',
      'evaluation',
      'award',
      'letter',
      'award-withdrawn',
      'standstill-end',
      'contract',
    ])
      expect(types).toContain(type);
    // Only the standstill of the decision in force ended; the withdrawn one never did.
    expect(types.filter((x: string) => x === 'standstill-end')).toHaveLength(1);
    expect(protocol.body.events.filter((e: any) => e.type === 'letter')).toHaveLength(9);
    expect((await api('GET', `/api/calls/${id}/protocol`, t.programme)).status).toBe(200);
    expect((await api('GET', `/api/calls/${id}/protocol`, t.halden)).status).toBe(403);
    const html = await api('GET', `/api/calls/${id}/protocol`, t.fredrikstad, undefined, { accept: 'text/html' });
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.body).toContain('<html lang="nb">');
    expect(html.body).toContain('Anskaffelsesprotokoll');
  });

  it('packs the archive: every file listed in metadata.json with a matching checksum', async () => {
    const res = await fetch(`${stack.url}/api/calls/${id}/archive`, { headers: { authorization: `Bearer ${t.fredrikstad}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const metadata = JSON.parse(strFromU8(files['metadata.json']!));
    expect(metadata.saksmappe).toMatchObject({ systemID: id, saksstatus: 'contracted' });
    const listed = metadata.dokumenter.map((d: any) => d.filnavn).sort();
    expect(listed).toEqual(
      Object.keys(files)
        .filter((f) => f !== 'metadata.json')
        .sort(),
    );
    for (const doc of metadata.dokumenter) {
      expect(createHash('sha256').update(files[doc.filnavn]!).digest('hex')).toBe(doc.sjekksum);
      expect(files[doc.filnavn]!.length).toBe(doc.filstoerrelse);
    }
    expect(listed.filter((f: string) => f.endsWith('.eml'))).toHaveLength(9);
    expect(listed).toContain('protokoll/anskaffelsesprotokoll.html');
    expect(listed.filter((f: string) => f.startsWith('tilbud/'))).toHaveLength(3);
    expect(listed.filter((f: string) => f.startsWith('utlysning/')).length).toBeGreaterThanOrEqual(4);
    const eml = await simpleParser(Buffer.from(files[listed.find((f: string) => f.includes(`award-${B.id}`))!]!));
    expect(eml.subject).toMatch(/^Tildelingsbeslutning/);
  });
});

describe('the open phase in the record: documents, questions, corrections, attachments and redacted copies', () => {
  let id: string;
  const files: Record<string, { id: string; bytes: Buffer }> = {};
  const reasons = 'Tilbudet fra vinneren oppnår høyest sum etter de publiserte kriteriene, med god kvalitet og klimaprofil.';

  it('runs a competition with documents, a corrected document, a question, a clarification and attachments', async () => {
    ({ id } = await publish({}, 20 * DAY));
    const docs = `/api/calls/${id}/documents`;
    const v1 = pdfBytes('Konkurransegrunnlag versjon 1');
    const first = await uploadFile(stack.client, t.fredrikstad, docs, v1, { changeNote: 'Konkurransegrunnlaget er lagt ut.' });
    expect(first.put!.status).toBe(200);
    const v2 = pdfBytes('Konkurransegrunnlag versjon 2 med rettet tabell');
    const second = await uploadFile(stack.client, t.fredrikstad, docs, v2, {
      fileName: 'konkurransegrunnlag-v2.pdf',
      replaces: first.declared.body.id,
      changeNote: 'Tabell 3 hadde feil tall.',
    });
    expect(second.put!.status).toBe(200);
    const extra = pdfBytes('Vedlegg som trekkes');
    const removed = await uploadFile(stack.client, t.fredrikstad, docs, extra, { fileName: 'bilag.pdf', changeNote: 'Bilag lagt ut.' });
    expect((await api('DELETE', `${docs}/${removed.declared.body.id}`, t.fredrikstad, { changeNote: 'Bilaget gjaldt en annen anskaffelse.' })).status).toBe(
      204,
    );
    Object.assign(files, {
      v1: { id: first.declared.body.id, bytes: v1 },
      v2: { id: second.declared.body.id, bytes: v2 },
      removed: { id: removed.declared.body.id, bytes: extra },
    });
    // The superseded and removed versions are neither listed nor served.
    expect((await api('GET', docs)).body.items.map((d: any) => d.id)).toEqual([second.declared.body.id]);
    expect((await api('GET', `${docs}/${first.declared.body.id}`, undefined, undefined, {})).status).toBe(404);

    const asked = await api('POST', `/api/calls/${id}/questions`, t[A.id], { text: 'Kan løsningen leveres som tjeneste (SaaS)?' });
    expect(asked.status).toBe(201);
    expect(
      (await api('POST', `/api/calls/${id}/questions/${asked.body.id}/answer`, t.fredrikstad, { answer: 'Ja, en tjenesteleveranse er greit.' })).status,
    ).toBe(200);
    expect(
      (await api('POST', `/api/calls/${id}/questions`, t.fredrikstad, { text: 'Avklaring om datoer for befaring.', answer: 'Befaring holdes uke 12.' })).status,
    ).toBe(201);

    expect((await api('PUT', `/api/calls/${id}/proposals/mine`, t[A.id], tender(100_000))).status).toBe(201);
    expect((await api('PUT', `/api/calls/${id}/proposals/mine`, t[B.id], tender(150_000))).status).toBe(201);
    const att = `/api/calls/${id}/proposals/mine/attachments`;
    const secret = pdfBytes('Teknisk løsningsbeskrivelse med forretningshemmeligheter');
    const secretUp = await uploadFile(stack.client, t[A.id], att, secret, { fileName: 'losning.pdf' });
    expect(secretUp.put!.status).toBe(200);
    const redacted = pdfBytes('Teknisk løsningsbeskrivelse [sladdet]');
    const redactedUp = await uploadFile(stack.client, t[A.id], att, redacted, { fileName: 'losning-sladdet.pdf', redacts: secretUp.declared.body.id });
    expect(redactedUp.put!.status).toBe(200);
    const plain = pngBytes();
    const plainUp = await uploadFile(stack.client, t[A.id], att, plain, { fileName: 'skisse.png', contentType: 'image/png' });
    expect(plainUp.put!.status).toBe(200);
    const withheld = pdfBytes('Prisskjema uten sladdet kopi');
    const withheldUp = await uploadFile(stack.client, t[A.id], att, withheld, { fileName: 'prisskjema.pdf' });
    expect(withheldUp.put!.status).toBe(200);
    Object.assign(files, {
      secret: { id: secretUp.declared.body.id, bytes: secret },
      redacted: { id: redactedUp.declared.body.id, bytes: redacted },
      plain: { id: plainUp.declared.body.id, bytes: plain },
      withheld: { id: withheldUp.declared.body.id, bytes: withheld },
    });
    const confidential = [
      { part: files.secret!.id, reason: 'Forretningshemmelighet om teknologien.' },
      { part: files.withheld!.id, reason: 'Prisstrukturen er en forretningshemmelighet.' },
    ];
    expect((await api('PUT', `/api/calls/${id}/proposals/mine`, t[A.id], tender(100_000, { confidential }))).status).toBe(200);
  });

  it('awards and contracts; the insight copy puts the redacted copy in place of the marked attachment', async () => {
    await passTime(stack.client, 20 * DAY + 1000);
    expect((await api('POST', `/api/calls/${id}/impartiality`, t.fredrikstad, { impartial: true })).status).toBe(201);
    for (const c of [A, B])
      expect((await api('PUT', `/api/calls/${id}/evaluations/${c.id}`, t.fredrikstad, { scores: { kvalitet: 7, klima: 7 } })).status).toBe(201);
    expect((await api('POST', `/api/calls/${id}/award`, t.fredrikstad, { winners: [A.id], reasons })).status).toBe(201);
    const copy = await api('GET', `/api/calls/${id}/insight/${A.id}`, t.fredrikstad);
    expect(copy.status).toBe(200);
    expect(copy.body.attachments.map((f: any) => [f.id, f.fileName, f.redacts]).sort()).toEqual(
      [
        [files.plain!.id, 'skisse.png', undefined],
        [files.redacted!.id, 'losning-sladdet.pdf', files.secret!.id],
      ].sort(),
    );
    expect(copy.body.withheldAttachments).toEqual([files.withheld!.id]);
    expect(JSON.stringify(copy.body)).not.toContain('losning.pdf');
    await passTime(stack.client, 10 * DAY + 1000);
    expect(
      (
        await api('POST', `/api/calls/${id}/contract`, t.fredrikstad, {
          signedAt: new Date(await serverNow(stack.client)).toISOString(),
          valueNok: 100_000,
          durationMonths: 24,
        })
      ).status,
    ).toBe(201);
  });

  it('lists documents, corrections, questions, answers and the clarification in the protocol', async () => {
    const protocol = await api('GET', `/api/calls/${id}/protocol`, t.fredrikstad);
    const ev = protocol.body.events as { type: string; text: string }[];
    const of = (type: string) => ev.filter((e) => e.type === type);
    expect(of('document-correction').map((e) => e.text)).toEqual([
      expect.stringContaining('«konkurransegrunnlag.pdf» lagt til'),
      expect.stringContaining('«konkurransegrunnlag.pdf» erstattet av «konkurransegrunnlag-v2.pdf». Begrunnelse: Tabell 3 hadde feil tall.'),
      expect.stringContaining('«bilag.pdf» lagt til'),
      expect.stringContaining('«bilag.pdf» fjernet. Begrunnelse: Bilaget gjaldt en annen anskaffelse.'),
    ]);
    expect(of('question')).toEqual([expect.objectContaining({ text: 'Spørsmål mottatt: «Kan løsningen leveres som tjeneste (SaaS)?»' })]);
    expect(of('answer')[0]!.text).toContain('Ja, en tjenesteleveranse er greit.');
    expect(of('clarification')[0]!.text).toContain('Befaring holdes uke 12.');
    // The protocol names no asker (the programme reads it too).
    expect(JSON.stringify(of('question'))).not.toContain(A.name);
    expect(of('request-deadline')[0]!.text).toMatch(/2 tilbud mottatt/);
    for (const type of ['published', 'impartiality', 'evaluation', 'award', 'letter', 'standstill-end', 'contract'])
      expect(of(type).length, type).toBeGreaterThan(0);
  });

  it('packs every document version, the questions, the change log, attachments and the redacted copy, each listed with its checksum', async () => {
    const res = await fetch(`${stack.url}/api/calls/${id}/archive`, { headers: { authorization: `Bearer ${t.fredrikstad}` } });
    expect(res.status).toBe(200);
    const zip = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const metadata = JSON.parse(strFromU8(zip['metadata.json']!));
    const byPath = new Map<string, any>(metadata.dokumenter.map((d: any) => [d.filnavn, d]));
    expect([...byPath.keys()].sort()).toEqual(
      Object.keys(zip)
        .filter((f) => f !== 'metadata.json')
        .sort(),
    );
    const one = (prefix: string, f: { id: string; bytes: Buffer }) => {
      const path = [...byPath.keys()].find((p) => p.startsWith(prefix) && p.includes(f.id));
      expect(path, `${prefix}${f.id}`).toBeDefined();
      expect(sha256(Buffer.from(zip[path!]!))).toBe(sha256(f.bytes));
      expect(byPath.get(path!).sjekksum).toBe(sha256(f.bytes));
      expect(byPath.get(path!).filstoerrelse).toBe(f.bytes.length);
      return byPath.get(path!);
    };
    expect(one('dokumenter/erstattet/', files.v1!)).toMatchObject({
      dokumenttype: 'Konkurransedokument',
      versjonsnummer: 1,
      tilknyttetRegistreringSom: 'Vedlegg',
    });
    expect(one('dokumenter/gjeldende/', files.v2!)).toMatchObject({ versjonsnummer: 2, format: 'application/pdf' });
    one('dokumenter/erstattet/', files.removed!);
    one(`vedlegg/${A.id}/`, files.secret!);
    one(`vedlegg/${A.id}/`, files.plain!);
    one(`vedlegg/${A.id}/`, files.withheld!);
    expect(one(`vedlegg/${A.id}/sladdet/`, files.redacted!).tittel).toMatch(/^Sladdet kopi av «losning\.pdf»/);

    const questions = JSON.parse(strFromU8(zip['sporsmal/sporsmal-og-svar.json']!));
    expect(questions.map((q: any) => q.answers.at(-1).answer)).toEqual(['Ja, en tjenesteleveranse er greit.', 'Befaring holdes uke 12.']);
    expect(byPath.get('sporsmal/sporsmal-og-svar.json').dokumenttype).toBe('Spørsmål og svar');
    const changes = JSON.parse(strFromU8(zip['rettelser/endringslogg.json']!));
    expect(changes).toEqual((await api('GET', `/api/calls/${id}/changes`, t.fredrikstad)).body.items);
    expect(changes.map((c: any) => c.note)).toContain('Tabell 3 hadde feil tall.');
    const protocol = JSON.parse(strFromU8(zip['protokoll/anskaffelsesprotokoll.json']!));
    expect(protocol.events.map((e: any) => e.type)).toEqual(expect.arrayContaining(['document-correction', 'question', 'answer', 'clarification', 'contract']));
    expect(strFromU8(zip['protokoll/anskaffelsesprotokoll.html']!)).toContain('Tabell 3 hadde feil tall.');
  });

  it('still packs the archive when a file is lost from storage, saying which one and its checksum', async () => {
    rmSync(join(stack.dataDir, 'files', 'calls', id, 'proposals', A.id, files.plain!.id));
    const res = await fetch(`${stack.url}/api/calls/${id}/archive`, { headers: { authorization: `Bearer ${t.fredrikstad}` } });
    expect(res.status).toBe(200);
    const zip = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const missing = Object.keys(zip).filter((p) => p.endsWith('.mangler.txt'));
    expect(missing).toEqual([`vedlegg/${A.id}/${files.plain!.id}-skisse.png.mangler.txt`]);
    expect(strFromU8(zip[missing[0]!]!)).toContain(sha256(files.plain!.bytes));
    const listed = JSON.parse(strFromU8(zip['metadata.json']!)).dokumenter.map((d: any) => d.filnavn);
    expect(listed).toContain(missing[0]);
  });
});

describe('a two-stage procedure: requests, selection, invited-only sealed tenders', () => {
  let id: string;
  const tenderPath = () => `/api/calls/${id}/proposals/mine`;

  it('takes requests to take part (self-declaration, no price)', async () => {
    ({ id } = await publish({ procedure: 'innovation-partnership' }));
    expect((await api('PUT', tenderPath(), t[A.id], tender(100))).status).toBe(400);
    const request = {
      summary: 'Vi ber om å få delta i partnerskapet.',
      description: 'Vi har levert lignende løsninger til to kommuner.',
      selfDeclaration,
      references: [{ customer: 'Moss kommune', description: 'Sensorpilot', year: 2025 }],
    };
    for (const c of [A, B, C]) expect((await api('PUT', tenderPath(), t[c.id], request)).status).toBe(201);
    await passTime(stack.client, 61_000);
    expect((await api('GET', `/api/calls/${id}`)).body.phase).toBe('selection');
    const mine = await api('GET', '/api/me/proposals?limit=100', t[C.id]);
    expect(mine.body.items.find((p: any) => p.callId === id).callPhase).toBe('selection');
  });

  it('selects with reasons and a tender deadline at least ten days ahead, with letters to every requester', async () => {
    await api('POST', `/api/calls/${id}/impartiality`, t.fredrikstad, { impartial: true });
    expect((await api('GET', `/api/calls/${id}/evaluation`, t.fredrikstad)).status).toBe(409);
    const now = await serverNow(stack.client);
    const reasons = 'Valgt ut etter relevante referanser og kapasitet til å gjennomføre partnerskapet.';
    const tooSoon = await api('POST', `/api/calls/${id}/selection`, t.fredrikstad, {
      selected: [A.id, B.id],
      reasons,
      tenderDeadline: new Date(now + 5 * DAY).toISOString(),
    });
    expect(tooSoon.status).toBe(400);
    expect(tooSoon.body.type).toBe('urn:innovasjonstorget:problem:tender-deadline-too-soon');
    expect(Date.parse(tooSoon.body.params.earliest)).toBeGreaterThanOrEqual(now + 10 * DAY);
    expect(tooSoon.body.errors).toEqual([{ path: 'tenderDeadline', message: expect.stringMatching(/at least 10 days/) }]);
    const selected = await api('POST', `/api/calls/${id}/selection`, t.fredrikstad, {
      selected: [A.id, B.id],
      reasons,
      tenderDeadline: new Date(now + 11 * DAY).toISOString(),
    });
    expect(selected.status).toBe(201);
    expect(selected.body.phase).toBe('tendering');
    const letters = await lettersFor(id, 'selection');
    expect([...letters.keys()].sort()).toEqual([A.id, B.id, C.id].sort());
    expect(letters.get(C.id)!.subject).toMatch(/^Ikke valgt ut/);
    expect(
      (await api('POST', `/api/calls/${id}/selection`, t.fredrikstad, { selected: [A.id], reasons, tenderDeadline: new Date(now + 12 * DAY).toISOString() }))
        .status,
    ).toBe(409);
  });

  it('lets only selected companies tender, sealed until the tender deadline; the requests stay as they were', async () => {
    expect((await api('PUT', tenderPath(), t[C.id], tender(50_000))).status).toBe(403);
    expect((await api('PUT', tenderPath(), t[A.id], tender(300_000))).status).toBe(201);
    expect((await api('PUT', tenderPath(), t[B.id], tender(200_000))).status).toBe(201);
    expect((await api('GET', tenderPath(), t[A.id])).body.priceNok).toBe(300_000);
    expect((await api('GET', `${tenderPath()}?stage=request`, t[A.id])).body.selfDeclaration).toMatchObject(selfDeclaration);
    const sealed = await api('GET', `/api/calls/${id}/proposals?stage=tender`, t.fredrikstad);
    expect(sealed.status).toBe(403);
    expect(sealed.body.detail).toMatch(/sealed until/);
    expect((await api('GET', `/api/calls/${id}/proposals?stage=request`, t.fredrikstad)).body.items).toHaveLength(3);
    await passTime(stack.client, 11 * DAY);
    expect((await api('GET', `/api/calls/${id}`)).body.phase).toBe('evaluation');
    expect((await api('PUT', tenderPath(), t[A.id], tender(1))).status).toBe(409);
    const tenders = await api('GET', `/api/calls/${id}/proposals`, t.fredrikstad);
    expect(tenders.body.items.map((p: any) => p.orgNumber).sort()).toEqual([A.id, B.id].sort());
  });

  it('evaluates the tenders, awards, and contracts after the standstill', async () => {
    for (const c of [A, B])
      expect((await api('PUT', `/api/calls/${id}/evaluations/${c.id}`, t.fredrikstad, { scores: { kvalitet: 8, klima: 7 } })).status).toBe(201);
    expect((await api('PUT', `/api/calls/${id}/evaluations/${C.id}`, t.fredrikstad, { scores: { kvalitet: 8, klima: 7 } })).status).toBe(404);
    const table = await api('GET', `/api/calls/${id}/evaluation`, t.fredrikstad);
    expect(table.body.items[0]).toMatchObject({ orgNumber: B.id, rank: 1 });
    const award = await api('POST', `/api/calls/${id}/award`, t.fredrikstad, {
      winners: [B.id],
      reasons: 'Laveste pris ved lik kvalitet og klimaprofil gir høyest sum etter kriteriene.',
    });
    expect(award.status).toBe(201);
    expect([...(await lettersFor(id, 'award')).keys()].sort()).toEqual([A.id, B.id].sort());
    await passTime(stack.client, 10 * DAY + 1000);
    const contract = await api('POST', `/api/calls/${id}/contract`, t.fredrikstad, {
      signedAt: new Date(await serverNow(stack.client)).toISOString(),
      valueNok: 200_000,
    });
    expect(contract.status).toBe(201);
    const res = await fetch(`${stack.url}/api/calls/${id}/archive`, { headers: { authorization: `Bearer ${t.fredrikstad}` } });
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const names = Object.keys(files);
    expect(names.filter((f) => f.startsWith('foresporsler/'))).toHaveLength(3);
    expect(names.filter((f) => f.startsWith('tilbud/'))).toHaveLength(2);
    expect(names.filter((f) => f.startsWith('brev/selection-'))).toHaveLength(3);
  });
});

describe('a market dialogue', () => {
  it('takes innspill without price, concludes at the deadline, has no evaluation or award, and can be archived', async () => {
    const { id, publish: published } = await publish({ procedure: 'market-dialogue' });
    expect(published.status).toBe(200);
    expect((await api('PUT', `/api/calls/${id}/proposals/mine`, t[A.id], tender(1000))).status).toBe(400);
    expect(
      (
        await api('PUT', `/api/calls/${id}/proposals/mine`, t[A.id], {
          summary: 'Innspill om sensorer i sentrum.',
          description: 'Vi deler erfaringer fra tre kommuner.',
        })
      ).status,
    ).toBe(201);
    await passTime(stack.client, 61_000);
    expect((await api('GET', `/api/calls/${id}`)).body.phase).toBe('concluded');
    await api('POST', `/api/calls/${id}/impartiality`, t.fredrikstad, { impartial: true });
    expect((await api('GET', `/api/calls/${id}/proposals`, t.fredrikstad)).body.items[0].kind).toBe('innspill');
    expect((await api('POST', `/api/calls/${id}/award`, t.fredrikstad, { winners: [A.id], reasons: 'x'.repeat(60) })).status).toBe(409);
    const res = await fetch(`${stack.url}/api/calls/${id}/archive`, { headers: { authorization: `Bearer ${t.fredrikstad}` } });
    expect(res.status).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(await res.arrayBuffer())))).toContain(`innspill/${A.id}.json`);
  });

  it('keeps a user who declared partiality from reading anything', async () => {
    const { id } = await publish({ procedure: 'market-dialogue' });
    await passTime(stack.client, 61_000);
    expect((await api('POST', `/api/calls/${id}/impartiality`, t.fredrikstad, { impartial: false, reason: 'Min bror eier et av selskapene.' })).status).toBe(
      201,
    );
    const res = await api('GET', `/api/calls/${id}/proposals`, t.fredrikstad);
    expect(res.status).toBe(403);
    expect(res.body.type).toMatch(/impartiality-required$/);
  });
});

describe('cancellation', () => {
  it('sends every company that answered a letter with the reason, once (hook for cancel-call.ts)', async () => {
    const { id } = await publish({});
    for (const c of [A, B]) expect((await api('PUT', `/api/calls/${id}/proposals/mine`, t[c.id], tender(10_000))).status).toBe(201);
    expect((await api('POST', `/api/calls/${id}/cancel`, t.fredrikstad, { reason: 'Behovet er dekket gjennom en rammeavtale.' })).status).toBe(200);
    const principal = { userId: users.fredrikstad, name: 'Ola Hansen', orgId: '3107', role: 'municipality' as const };
    await notifyCancellation(id, 'Behovet er dekket gjennom en rammeavtale.', principal);
    await notifyCancellation(id, 'Behovet er dekket gjennom en rammeavtale.', principal);
    const letters = await lettersFor(id, 'cancellation');
    expect([...letters.keys()].sort()).toEqual([A.id, B.id].sort());
    // Exactly one file per company although the hook ran twice.
    const files = readdirSync(outbox).filter((f) => readFileSync(join(outbox, f), 'utf8').includes(`cancellation; call=${id}`));
    expect(files).toHaveLength(2);
    expect(letters.get(A.id)!.text).toContain('Behovet er dekket gjennom en rammeavtale.');
    expect((await api('GET', `/api/calls/${id}/letters`, t[A.id])).body.items).toHaveLength(1);
    const protocol = await api('GET', `/api/calls/${id}/protocol`, t.fredrikstad);
    expect(protocol.body.events.filter((e: any) => e.type === 'cancelled')).toHaveLength(1);
  });
});
