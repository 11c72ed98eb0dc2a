/**
 * What the open phase leaves for the record (docs/award.md): the call's documents in every published version,
 * questions and answers, the corrections (the change log of GET /api/calls/{id}/changes, document changes
 * included), and the attachments of every answer with the companies' redacted copies. Used by the archive
 * package (files with their bytes) and the protocol (one event per step).
 */
import type { Principal } from '../core/principal.js';
import { audit } from '../core/logger.js';
import type { CallRecord } from '../data/calls.js';
import { listDocumentChanges, listFiles, type FileRecord } from '../data/files.js';
import { listQuestions } from '../data/questions.js';
import { listChanges } from '../calls/list-changes.js';
import { fileStore } from '../files/storage.js';
import type { ArchiveEntry, ProtocolEntry } from './record-types.js';

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
/** A file name as one path segment of a ZIP entry (no separators or control characters). */
const segment = (name: string) => name.replace(/[/\\\u0000-\u001f\u007f]/g, '_');
const kept = (f: FileRecord) => f.status === 'verified' || f.status === 'superseded';
const byUpload = (a: FileRecord, b: FileRecord) => (a.uploadedAt ?? a.declaredAt).localeCompare(b.uploadedAt ?? b.declaredAt) || a.id.localeCompare(b.id);

/** Version number of each document: a file that replaces another is the next version of it. */
export function documentVersions(docs: FileRecord[]): Map<string, number> {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const out = new Map<string, number>();
  const versionOf = (d: FileRecord, depth = 0): number => {
    const known = out.get(d.id);
    if (known) return known;
    const previous = d.replaces ? byId.get(d.replaces) : undefined;
    const v = previous && depth < docs.length ? versionOf(previous, depth + 1) + 1 : 1;
    out.set(d.id, v);
    return v;
  };
  for (const d of docs) versionOf(d);
  return out;
}

/**
 * The stored bytes of a file, or, when they cannot be read (lost from storage), a text entry in their place that
 * says so and names the checksum the file had: the package stays complete about what it lacks, and never fails.
 */
async function fileEntry(f: FileRecord, path: string, noark: ArchiveEntry['noark']): Promise<ArchiveEntry> {
  try {
    return { path, content: await fileStore().read(f.objectKey), mediaType: f.contentType, noark };
  } catch (e) {
    audit('archive.file-missing', { callId: f.callId, fileId: f.id, objectKey: f.objectKey, error: String(e) });
    return {
      path: `${path}.mangler.txt`,
      mediaType: 'text/plain',
      content: `Filen «${f.fileName}» (${f.size} byte, SHA-256 ${f.sha256}) kunne ikke leses fra lageret da arkivpakken ble laget.\n`,
      noark: { ...noark, tittel: `${noark.tittel} – mangler` },
    };
  }
}

export async function openPhaseEntries(call: CallRecord, principal: Principal): Promise<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = [];
  const docs = (await listFiles(call.id, 'document')).filter(kept).sort(byUpload);
  const versions = documentVersions(docs);
  for (const d of docs) {
    const superseded = d.status === 'superseded';
    entries.push(
      await fileEntry(d, `dokumenter/${superseded ? 'erstattet' : 'gjeldende'}/${d.id}-${segment(d.fileName)}`, {
        tittel: `Konkurransedokument «${d.fileName}»${superseded ? ` (erstattet ${d.supersededAt})` : ''}`,
        dokumenttype: 'Konkurransedokument',
        opprettetDato: d.uploadedAt ?? d.declaredAt,
        opprettetAv: d.declaredBy,
        tilknyttetRegistreringSom: 'Vedlegg',
        versjonsnummer: versions.get(d.id) ?? 1,
      }),
    );
  }
  const questions = await listQuestions(call.id);
  if (questions.length) {
    questions.sort((a, b) => a.askedAt.localeCompare(b.askedAt));
    entries.push({
      path: 'sporsmal/sporsmal-og-svar.json',
      content: json(questions),
      mediaType: 'application/json',
      noark: {
        tittel: `Spørsmål og svar – ${call.title}`,
        dokumenttype: 'Spørsmål og svar',
        opprettetDato: questions[questions.length - 1]!.askedAt,
        tilknyttetRegistreringSom: 'Hoveddokument',
      },
    });
  }
  const changes = await listChanges(call.id, principal);
  if (changes.length) {
    entries.push({
      path: 'rettelser/endringslogg.json',
      content: json(changes),
      mediaType: 'application/json',
      noark: {
        tittel: `Rettelser – ${call.title}`,
        dokumenttype: 'Rettelse',
        opprettetDato: changes[changes.length - 1]!.changedAt,
        tilknyttetRegistreringSom: 'Hoveddokument',
      },
    });
  }
  const attachments = (await listFiles(call.id, 'attachment')).filter((f) => f.status === 'verified').sort(byUpload);
  const names = new Map(attachments.map((a) => [a.id, a.fileName]));
  for (const a of attachments) {
    const original = a.redacts ? names.get(a.redacts) : undefined;
    entries.push(
      await fileEntry(a, `vedlegg/${a.orgNumber}/${a.redacts ? 'sladdet/' : ''}${a.id}-${segment(a.fileName)}`, {
        tittel: a.redacts ? `Sladdet kopi av «${original ?? a.redacts}» fra ${a.orgNumber} (for innsyn)` : `Vedlegg «${a.fileName}» fra ${a.orgNumber}`,
        dokumenttype: 'Inngående dokument',
        opprettetDato: a.uploadedAt ?? a.declaredAt,
        opprettetAv: a.declaredBy,
        tilknyttetRegistreringSom: 'Vedlegg',
      }),
    );
  }
  return entries;
}

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(n / 1024))} kB`);

/** Protocol events of the open phase: documents, corrections of them, questions and each answer. */
export async function openPhaseProtocol(call: CallRecord): Promise<ProtocolEntry[]> {
  const out: ProtocolEntry[] = [];
  for (const d of (await listFiles(call.id, 'document')).filter(kept)) {
    // A document that came with a correction is told by the correction entry below.
    if (d.changeNote || !d.uploadedAt) continue;
    out.push({
      at: d.uploadedAt,
      type: 'document',
      text: `Dokument «${d.fileName}» (${size(d.size)}, SHA-256 ${d.sha256.slice(0, 12)}…) lagt ved utlysningen.`,
      data: { id: d.id, fileName: d.fileName, sha256: d.sha256, size: d.size },
    });
  }
  for (const c of await listDocumentChanges(call.id)) {
    const what = c.fields.map((f) => {
      const before = f.before as { fileName?: string } | null;
      const after = f.after as { fileName?: string } | null;
      return before && after
        ? `«${before.fileName}» erstattet av «${after.fileName}»`
        : after
          ? `«${after.fileName}» lagt til`
          : `«${before?.fileName}» fjernet`;
    });
    out.push({
      at: c.changedAt,
      type: 'document-correction',
      text: `Rettelse av dokumenter: ${what.join('; ')}. Begrunnelse: ${c.note}`,
      data: { note: c.note, fields: c.fields },
    });
  }
  for (const q of await listQuestions(call.id)) {
    // The asker is named to the owner in the app, never in a record the programme also reads.
    if (q.askedBy) out.push({ at: q.askedAt, type: 'question', text: `Spørsmål mottatt: «${q.text}»`, data: { questionId: q.id } });
    for (const [i, a] of q.answers.entries()) {
      const kind = !q.askedBy && i === 0 ? 'Avklaring publisert' : i === 0 ? 'Svar publisert' : 'Rettet svar publisert';
      out.push({
        at: a.answeredAt,
        type: q.askedBy || i > 0 ? 'answer' : 'clarification',
        text: `${kind}: «${a.question}» – ${a.answer}`,
        data: { questionId: q.id, answer: i + 1 },
      });
    }
  }
  return out;
}
