/**
 * The archive package of a finished procurement (docs/award.md): a ZIP built with fflate's streaming Zip, one
 * entry at a time, with metadata.json listing every file, its SHA-256 and Noark 5 metadata names where one fits.
 * Sources: the protocol, every stored version of the call, the answers of each stage, evaluations and letters,
 * and the open phase's documents (every version), questions and answers, corrections and attachments.
 */
import { createHash } from 'node:crypto';
import { municipalityName } from '../../shared/domain/municipalities.js';
import { isTwoStage } from '../../shared/domain/procedure.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { conflict } from '../core/errors.js';
import { getCall, type CallRecord } from '../data/calls.js';
import { listCallVersions, listEvaluations, listLetters } from '../data/award.js';
import { listProposalsForCall } from '../data/proposals.js';
import { assertOwned, phaseOf } from '../calls/view.js';
import { buildProtocol, protocolHtml } from './protocol.js';
import { event } from './record.js';
import { openPhaseEntries } from './open-phase-record.js';
import type { ArchiveEntry } from './record-types.js';

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

export async function archiveEntries(call: CallRecord, at: Date, principal: Principal): Promise<ArchiveEntry[]> {
  const protocol = await buildProtocol(call, at);
  const stamp = at.toISOString();
  const entries: ArchiveEntry[] = [
    {
      path: 'protokoll/anskaffelsesprotokoll.json',
      content: json(protocol),
      mediaType: 'application/json',
      noark: { tittel: `Anskaffelsesprotokoll – ${call.title}`, dokumenttype: 'Protokoll', opprettetDato: stamp, tilknyttetRegistreringSom: 'Hoveddokument' },
    },
    {
      path: 'protokoll/anskaffelsesprotokoll.html',
      content: protocolHtml(protocol),
      mediaType: 'text/html',
      noark: {
        tittel: `Anskaffelsesprotokoll – ${call.title} (utskrift)`,
        dokumenttype: 'Protokoll',
        opprettetDato: stamp,
        tilknyttetRegistreringSom: 'Vedlegg',
      },
    },
  ];
  const versions = await listCallVersions(call.id);
  // Versions written before this use cases existed are absent; the current version always goes in.
  if (!versions.some((v) => v.version === call.version))
    versions.push({ callId: call.id, version: call.version, call: call as unknown as Record<string, unknown> });
  for (const v of versions) {
    entries.push({
      path: `utlysning/versjon-${String(v.version).padStart(3, '0')}.json`,
      content: json(v.call),
      mediaType: 'application/json',
      noark: {
        tittel: `Utlysning «${call.title}», versjon ${v.version}`,
        dokumenttype: 'Utlysning',
        opprettetDato: String(v.call.updatedAt ?? call.updatedAt),
        tilknyttetRegistreringSom: 'Hoveddokument',
      },
    });
  }
  const stages: ('request' | 'tender')[] = isTwoStage(call.procedure) ? ['request', 'tender'] : ['request'];
  for (const stage of stages) {
    const folder = stage === 'tender' ? 'tilbud' : call.procedure === 'market-dialogue' ? 'innspill' : isTwoStage(call.procedure) ? 'foresporsler' : 'tilbud';
    for (const p of await listProposalsForCall(call.id, stage)) {
      const { submittedBy, ...content } = p;
      entries.push({
        path: `${folder}/${p.orgNumber}.json`,
        content: json(content),
        mediaType: 'application/json',
        noark: {
          tittel: `${folder === 'tilbud' ? 'Tilbud' : folder === 'innspill' ? 'Innspill' : 'Forespørsel om å delta'} fra ${p.companyName}`,
          dokumenttype: folder === 'tilbud' ? 'Tilbud' : 'Inngående dokument',
          opprettetDato: p.submittedAt,
          opprettetAv: submittedBy,
          tilknyttetRegistreringSom: 'Hoveddokument',
        },
      });
    }
  }
  const evaluations = await listEvaluations(call.id);
  if (evaluations.length) {
    entries.push({
      path: 'evaluering/evalueringer.json',
      content: json(evaluations),
      mediaType: 'application/json',
      noark: { tittel: 'Evaluering av tilbud', dokumenttype: 'Evaluering', opprettetDato: stamp, tilknyttetRegistreringSom: 'Hoveddokument' },
    });
  }
  for (const l of await listLetters(call.id)) {
    entries.push({
      path: `brev/${l.kind}-${l.orgNumber}-${l.decisionId}.eml`,
      content: l.eml,
      mediaType: 'message/rfc822',
      noark: { tittel: l.subject, dokumenttype: 'Brev', opprettetDato: l.createdAt, tilknyttetRegistreringSom: 'Hoveddokument' },
    });
  }
  entries.push(...(await openPhaseEntries(call, principal)));
  return entries;
}

/** metadata.json: the package, the case (saksmappe) and each document with its checksum. */
export function metadataFor(call: CallRecord, entries: ArchiveEntry[], bytes: Map<string, Uint8Array>, at: Date) {
  return {
    pakke: { opprettetDato: at.toISOString(), system: 'Innovasjonstorget', sjekksumAlgoritme: 'SHA-256' },
    saksmappe: {
      systemID: call.id,
      tittel: call.title,
      saksansvarlig: `${municipalityName(call.municipalityCode) ?? call.municipalityCode} kommune`,
      administrativEnhet: call.municipalityCode,
      opprettetDato: call.createdAt,
      avsluttetDato: at.toISOString(),
      saksstatus: phaseOf(call, at),
    },
    dokumenter: entries.map((e) => ({
      filnavn: e.path,
      format: e.mediaType,
      filstoerrelse: bytes.get(e.path)!.length,
      sjekksum: createHash('sha256').update(bytes.get(e.path)!).digest('hex'),
      sjekksumAlgoritme: 'SHA-256',
      ...e.noark,
    })),
  };
}

/** The ZIP, produced chunk by chunk by fflate's streaming Zip (HTTP API responses are buffered at the end). */
export async function zipEntries(files: { path: string; bytes: Uint8Array }[], mtime: Date): Promise<Uint8Array> {
  // Loaded when an archive is asked for, not at every start of the calls function.
  const { Zip, ZipDeflate } = await import('fflate');
  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    const zip = new Zip((err, chunk, final) => {
      if (err) return reject(err);
      chunks.push(chunk);
      if (final) resolve();
    });
    for (const f of files) {
      const entry = new ZipDeflate(f.path, { level: 6 });
      entry.mtime = mtime;
      zip.add(entry);
      entry.push(f.bytes, true);
    }
    zip.end();
  });
  await done;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

export async function buildArchive(id: string, principal: Principal): Promise<{ filename: string; zip: Uint8Array }> {
  const call = assertOwned(await getCall(id), principal);
  const at = now();
  const phase = phaseOf(call, at);
  if (phase !== 'contracted' && phase !== 'concluded' && phase !== 'cancelled') {
    throw conflict(`The archive package is made once the call is contracted, concluded or cancelled; it is ${phase}.`);
  }
  await event(id, 'archived', at.toISOString(), principal, {});
  const entries = await archiveEntries(call, at, principal);
  const enc = new TextEncoder();
  const bytes = new Map(entries.map((e) => [e.path, typeof e.content === 'string' ? enc.encode(e.content) : e.content]));
  const metadata = json(metadataFor(call, entries, bytes, at));
  const files = [...entries.map((e) => ({ path: e.path, bytes: bytes.get(e.path)! })), { path: 'metadata.json', bytes: enc.encode(metadata) }];
  return { filename: `anskaffelse-${call.id}.zip`, zip: await zipEntries(files, at) };
}
