/**
 * The anskaffelsesprotokoll (anskaffelsesforskriften § 7-1 and DFØ's template): built from the recorded events,
 * plus what the stored items tell by themselves (creation, deadline and the submissions received by it).
 */
import { municipalityName } from '../../shared/domain/municipalities.js';
import { PHASE_LABELS, isTwoStage } from '../../shared/domain/procedure.js';
import { PROCEDURE_LABELS } from '../../shared/domain/vocabulary.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { forbidden } from '../core/errors.js';
import { formatDeadline } from '../core/format.js';
import { getCall, type CallRecord } from '../data/calls.js';
import { listEvents, type CallEvent } from '../data/award.js';
import { listProposalsForCall } from '../data/proposals.js';
import { assertVisible, isOwnMunicipality, phaseOf } from '../calls/view.js';
import { nok } from './letters.js';
import { htmlText } from '../../shared/domain/format-text.js';
import { openPhaseProtocol } from './open-phase-record.js';
import type { ProtocolEntry } from './record-types.js';

export interface Protocol {
  callId: string;
  title: string;
  municipalityName: string;
  procedure: string;
  phase: ReturnType<typeof phaseOf>;
  generatedAt: string;
  events: ProtocolEntry[];
}

const KIND_NB: Record<string, string> = { selection: 'utvelgelse', award: 'tildeling', withdrawal: 'tilbaketrekking', cancellation: 'avlysning' };

function describe(e: CallEvent): string {
  const d = e.data ?? {};
  switch (e.type) {
    case 'published':
      return `Utlysningen ble publisert (versjon ${d.version}).`;
    case 'impartiality':
      return d.impartial ? `${e.actor?.name ?? e.actor?.userId} erklærte seg habil.` : `${e.actor?.name ?? e.actor?.userId} erklærte seg inhabil: ${d.reason}`;
    case 'evaluation':
      return `Evaluering av tilbud fra ${d.orgNumber} lagret (versjon ${d.version}).`;
    case 'selection':
      return `Utvelgelse: ${(d.selected as string[]).length} av ${d.requesters} valgt ut til å gi tilbud; tilbudsfrist ${formatDeadline(String(d.tenderDeadline))}. Begrunnelse: ${d.reasons}`;
    case 'award':
      return `Tildelingsbeslutning: kontrakten tildeles ${(d.winners as string[]).join(', ')}. Karensperioden varer til ${formatDeadline(String(d.standstillEndsAt))}. Begrunnelse: ${d.reasons}`;
    case 'standstill-end':
      return 'Karensperioden gikk ut.';
    case 'award-withdrawn':
      return `Tildelingsbeslutningen ble trukket tilbake. Begrunnelse: ${d.reason}`;
    case 'letter':
      return `Brev (${KIND_NB[String(d.kind)] ?? d.kind}) sendt til ${d.companyName} (${d.orgNumber}), ${d.to}.`;
    case 'contract':
      return `Kontrakt signert ${formatDeadline(String(d.signedAt))}, verdi ${nok(Number(d.valueNok))}${d.durationMonths ? `, varighet ${d.durationMonths} måneder` : ''}.`;
    case 'cancelled':
      return `Konkurransen ble avlyst${d.reason ? `: ${d.reason}` : ''}.`;
    case 'corrected':
      return `Rettelse (versjon ${d.version}) av ${(d.fields as string[] | undefined)?.join(', ') ?? 'utlysningen'}. Begrunnelse: ${d.note}`;
    case 'insight-copy':
      return `Innsynskopi laget av tilbudet fra ${d.orgNumber}${(d.redacted as string[] | undefined)?.length ? ` (unntatt: ${(d.redacted as string[]).join(', ')})` : ''}.`;
    case 'archived':
      return 'Arkivpakke laget.';
    default:
      return e.type;
  }
}

export async function buildProtocol(call: CallRecord, at: Date): Promise<Protocol> {
  // Future-dated events (the end of a standstill) count once their time has come, and not for a withdrawn decision.
  const withdrawn = new Set((call.withdrawnAwards ?? []).map((d) => d.id));
  const recorded = (await listEvents(call.id)).filter(
    (e) => Date.parse(e.at) <= at.getTime() && !(e.type === 'standstill-end' && withdrawn.has(String(e.data?.decisionId))),
  );
  const entries: ProtocolEntry[] = recorded.map((e) => ({
    at: e.at,
    type: e.type,
    ...(e.actor ? { actor: `${e.actor.name ?? e.actor.userId} (${e.actor.orgId})` } : {}),
    text: describe(e),
    ...(e.data ? { data: e.data } : {}),
  }));
  entries.push({ at: call.createdAt, type: 'created', text: 'Utlysningen ble opprettet som utkast.' });
  entries.push(...(await openPhaseProtocol(call)).filter((e) => Date.parse(e.at) <= at.getTime()));
  if (call.publishedAt && !recorded.some((e) => e.type === 'published'))
    entries.push({ at: call.publishedAt, type: 'published', text: 'Utlysningen ble publisert.' });
  if (call.cancelledAt && !recorded.some((e) => e.type === 'cancelled'))
    entries.push({ at: call.cancelledAt, type: 'cancelled', text: 'Konkurransen ble avlyst.' });
  const stages: ['request' | 'tender', string | undefined][] = [
    ['request', call.deadline],
    ...(isTwoStage(call.procedure) ? [['tender', call.selection?.tenderDeadline] as ['tender', string | undefined]] : []),
  ];
  for (const [stage, deadline] of stages) {
    if (!deadline || Date.parse(deadline) > at.getTime() || !call.publishedAt) continue;
    const answers = await listProposalsForCall(call.id, stage);
    const what =
      stage === 'tender' ? 'tilbud' : call.procedure === 'market-dialogue' ? 'innspill' : isTwoStage(call.procedure) ? 'forespørsler om å delta' : 'tilbud';
    entries.push({
      at: deadline,
      type: `${stage}-deadline`,
      text: `Fristen gikk ut. ${answers.length} ${what} mottatt${answers.length ? `: ${answers.map((a) => `${a.companyName} (${formatDeadline(a.updatedAt)})`).join('; ')}` : ''}.`,
      data: { count: answers.length, submissions: answers.map((a) => ({ orgNumber: a.orgNumber, submittedAt: a.submittedAt, updatedAt: a.updatedAt })) },
    });
  }
  entries.sort((a, b) => a.at.localeCompare(b.at) || a.type.localeCompare(b.type));
  return {
    callId: call.id,
    title: call.title,
    municipalityName: municipalityName(call.municipalityCode) ?? call.municipalityCode,
    procedure: call.procedure,
    phase: phaseOf(call, at),
    generatedAt: at.toISOString(),
    events: entries,
  };
}

export async function getProtocol(id: string, principal: Principal): Promise<Protocol> {
  const call = assertVisible(await getCall(id), principal);
  if (!isOwnMunicipality(call, principal) && principal.role !== 'programme') throw forbidden('The protocol is for the owning municipality and the programme.');
  return buildProtocol(call, now());
}

/** A printable page in bokmål. */
export function protocolHtml(p: Protocol): string {
  const rows = p.events
    .map((e) => `<tr><td>${htmlText(formatDeadline(e.at))}</td><td>${htmlText(e.actor ?? '')}</td><td>${htmlText(e.text)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><title>Anskaffelsesprotokoll – ${htmlText(p.title)}</title>
<style>body{font-family:Arial,Helvetica,sans-serif;margin:2em;color:#1a1a1a}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.4em;text-align:left;vertical-align:top}@media print{body{margin:0}}</style></head>
<body>
<h1>Anskaffelsesprotokoll</h1>
<dl>
<dt>Anskaffelse</dt><dd>${htmlText(p.title)}</dd>
<dt>Oppdragsgiver</dt><dd>${htmlText(p.municipalityName)} kommune</dd>
<dt>Prosedyre</dt><dd>${htmlText(PROCEDURE_LABELS[p.procedure as keyof typeof PROCEDURE_LABELS]?.nb ?? p.procedure)}</dd>
<dt>Fase</dt><dd>${htmlText(PHASE_LABELS[p.phase].nb)}</dd>
<dt>Generert</dt><dd>${htmlText(formatDeadline(p.generatedAt))}</dd>
</dl>
<table>
<thead><tr><th scope="col">Tidspunkt</th><th scope="col">Utført av</th><th scope="col">Hendelse</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p>Alle beløp er i norske kroner eksklusive merverdiavgift.</p>
</body>
</html>
`;
}
