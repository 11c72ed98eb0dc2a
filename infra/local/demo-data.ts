import { isMunicipalityCode, MUNICIPALITIES } from '../../shared/domain/municipalities.js';
import { withCheckDigit } from '../../shared/domain/org-number.js';
import type { Domain, Procedure } from '../../shared/domain/vocabulary.js';
import type { OrganisationRecord, UserRecord } from '../../functions/data/organisations.js';
import demoCompanies from './demo-companies.json' with { type: 'json' };
import callPlan from './demo-call-plan.json' with { type: 'json' };

/**
 * Demo organisation numbers: MOD11-valid, the first base ≥ `from` that has a check digit. Demo bases begin
 * with 1–7: Enhetsregisteret issues organisasjonsnummer beginning with 8 or 9 only, so no demo number can be a
 * real entity's. infra/local/demo-renumbering.json maps the numbers used before this rule to these.
 */
export function orgNumberFrom(from: number): string {
  for (let n = from; ; n++) {
    const candidate = withCheckDigit(String(n));
    if (candidate) return candidate;
  }
}

/** The demo companies, hand-laid in demo-companies.json; `orgNumberFrom` is the base of each one's number. */
export const COMPANIES: OrganisationRecord[] = demoCompanies.map(({ orgNumberFrom: base, name, municipalityCode, ...c }) => {
  if (!isMunicipalityCode(municipalityCode)) throw new Error(`demo-companies.json: ${municipalityCode} is no municipality here`);
  return { id: orgNumberFrom(base), kind: 'company', name, municipalityCode, ...c };
});

export const ASSOCIATIONS: OrganisationRecord[] = [
  { id: orgNumberFrom(18123450), kind: 'association', name: 'Næringsforeningen i Demoregionen (demo)' },
  { id: orgNumberFrom(18234560), kind: 'association', name: 'Arbeidsgiverforeningen Andeby (demo)' },
];

/** Stands in for a regional programme owner (in reality Næringsriket Østfold); a demo organisation. */
export const PROGRAMME: OrganisationRecord = { id: orgNumberFrom(19345670), kind: 'programme', name: 'Programmeier for digital bærekraft (demo)' };

/** Municipalities are real: their ids are kommunenummer, and they carry their real organisasjonsnummer. */
export const MUNICIPALITY_ORGS: OrganisationRecord[] = MUNICIPALITIES.map((m) => ({
  id: m.code,
  kind: 'municipality',
  name: `${m.name} kommune`,
  orgNumber: m.orgNumber,
}));

const MUNICIPALITY_STAFF = [
  'Ingrid Berg',
  'Lars Olsen',
  'Kari Nilsen',
  'Ola Hansen',
  'Marte Johansen',
  'Per Larsen',
  'Anne Andersen',
  'Jonas Pedersen',
  'Silje Kristiansen',
  'Eirik Jensen',
  'Hanne Karlsen',
  'Thomas Eriksen',
];
const COMPANY_STAFF = ['Nora Solberg', 'Henrik Bakke', 'Ida Moen', 'Magnus Strand', 'Emma Lund', 'Sander Haugen', 'Sofie Dahl'];

export const USERS: UserRecord[] = [
  ...MUNICIPALITY_ORGS.map((o, i) => ({ id: `user-${o.id}`, name: MUNICIPALITY_STAFF[i]!, orgId: o.id, role: 'municipality' as const })),
  ...COMPANIES.map((o, i) => ({ id: `user-${o.id}`, name: COMPANY_STAFF[i]!, orgId: o.id, role: 'company' as const })),
  { id: `user-${ASSOCIATIONS[0]!.id}`, name: 'Camilla Sørensen', orgId: ASSOCIATIONS[0]!.id, role: 'association' },
  { id: `user-${ASSOCIATIONS[1]!.id}`, name: 'Fredrik Holm', orgId: ASSOCIATIONS[1]!.id, role: 'association' },
  { id: `user-${PROGRAMME.id}`, name: 'Line Aas', orgId: PROGRAMME.id, role: 'programme' },
];

export interface CallTemplate {
  title: string;
  summary: string;
  description: string;
  domains: Domain[];
  cpvCodes: string[];
  procedure: Procedure;
  budgetNok?: { min?: number; max?: number };
}

// biome-ignore format: a hand-laid table, one template a line
export const CALL_TEMPLATES: CallTemplate[] = [
  { title: 'Sensorbasert parkering i sentrum', summary: 'Vi vil vise ledige parkeringsplasser i sanntid og redusere leting etter parkering.', description: 'Kommunen ønsker en løsning med sensorer eller kamera som registrerer ledige plasser, og som deler data åpent. Løsningen skal kunne skaleres til alle kommunale parkeringsplasser.', domains: ['mobility'], cpvCodes: ['34926000', '38730000', '72212000'], procedure: 'innovation-partnership', budgetNok: { min: 500_000, max: 2_000_000 } },
  { title: 'Behovsstyrt gatelys', summary: 'Gatelys som dimmes når ingen ferdes, uten å gå på bekostning av trygghet.', description: 'Vi ser etter løsninger for behovsstyrt gatebelysning med fjernstyring, energimåling og åpne grensesnitt mot kommunens driftssystemer.', domains: ['energy', 'safety'], cpvCodes: ['34993000', '31520000', '38820000'], procedure: 'competitive-negotiation', budgetNok: { max: 3_000_000 } },
  { title: 'Overvåking av badevannskvalitet', summary: 'Målinger av badevann i sanntid, publisert for innbyggerne.', description: 'Kommunen vil måle bakterier og temperatur ved badeplasser kontinuerlig og varsle innbyggere automatisk ved dårlig vannkvalitet.', domains: ['environment', 'water-waste'], cpvCodes: ['38430000', '90733000'], procedure: 'market-dialogue' },
  { title: 'Digitalt tilsyn i hjemmetjenesten', summary: 'Trygghet for hjemmeboende og mindre reising for ansatte.', description: 'Vi søker løsninger for digitalt tilsyn som respekterer personvern, kan integreres med journalsystemet og kan prøves ut i en pilot med 50 brukere.', domains: ['health-welfare'], cpvCodes: ['33190000', '48180000'], procedure: 'innovation-partnership', budgetNok: { min: 1_000_000, max: 4_000_000 } },
  { title: 'Fyllingssensorer i avfallscontainere', summary: 'Tømme containere når de er fulle, ikke etter fast rute.', description: 'Kommunen ønsker sensorer som måler fyllingsgrad i nedgravde containere og en tjeneste for ruteoptimalisering som reduserer kjøring og utslipp.', domains: ['water-waste', 'environment'], cpvCodes: ['73120000', '90500000', '72212000'], procedure: 'pre-commercial' },
  { title: 'Selvbetjening for byggesøknader', summary: 'En enklere vei fra idé til byggetillatelse for innbyggere.', description: 'Vi vil teste en veiviser som hjelper innbyggere å forstå regelverket og sende komplette søknader, universelt utformet og integrert med sak/arkiv.', domains: ['digital-services', 'buildings-planning'], cpvCodes: ['72212000', '48200000'], procedure: 'startup-challenge', budgetNok: { max: 800_000 } },
  { title: 'Inneklima i skolebygg', summary: 'Bedre luft i klasserommene med sensorer og styring.', description: 'Kommunen vil måle CO2, temperatur og fukt i klasserom, og styre ventilasjonen etter behov. Data skal kunne brukes i undervisningen.', domains: ['education', 'buildings-planning'], cpvCodes: ['38432000', '42520000', '45331210'], procedure: 'competitive-negotiation' },
  { title: 'Solceller på kommunale tak', summary: 'Mer lokal fornybar energi på kommunens egne bygg.', description: 'Vi ønsker en partner som kartlegger egnede tak, leverer solcelleanlegg og styring som kobler produksjon mot forbruk i byggene.', domains: ['energy', 'buildings-planning'], cpvCodes: ['09332000', '45261215'], procedure: 'innovation-partnership', budgetNok: { min: 2_000_000, max: 6_000_000 } },
  { title: 'Flomvarsling for overvann', summary: 'Tidlig varsling når kraftig regn gir fare for oversvømmelse.', description: 'Kommunen trenger sensorer i overvannsnettet og en varslingstjeneste som gir beredskapen tid til å handle.', domains: ['safety', 'water-waste'], cpvCodes: ['73120000', '38290000', '32441000'], procedure: 'pre-commercial' },
  { title: 'Delingsordning for elsykler', summary: 'Flere korte reiser på sykkel mellom tettstedene.', description: 'Vi ønsker å prøve ut en delingsordning for elsykler med stasjoner ved kollektivknutepunkt og bruksdata som deles med kommunen.', domains: ['mobility'], cpvCodes: ['34430000', '98351000'], procedure: 'market-dialogue' },
  { title: 'Næringsarealer på kart', summary: 'Gjøre ledige næringsarealer lette å finne for etablerere.', description: 'Kommunen vil tilby et oppdatert kart over ledige næringsarealer med regulering, infrastruktur og kontaktpersoner.', domains: ['business-development', 'digital-services'], cpvCodes: ['71354100', '72300000'], procedure: 'startup-challenge', budgetNok: { max: 500_000 } },
  { title: 'Digital læringsplattform for voksenopplæring', summary: 'Norskopplæring tilpasset den enkelte, også på mobil.', description: 'Vi søker en læringsplattform for voksenopplæring som tilpasser oppgaver til nivå og språk, og som fungerer godt med skjermleser.', domains: ['education', 'digital-services'], cpvCodes: ['48190000', '80400000'], procedure: 'competitive-negotiation' },
  { title: 'Marin forsøpling i skjærgården', summary: 'Finne og rydde plast før den brytes ned.', description: 'Kommunen vil kartlegge marin forsøpling med droner og bildegjenkjenning, og prioritere ryddeaksjoner der de gir mest effekt.', domains: ['environment'], cpvCodes: ['73110000', '90733000'], procedure: 'pre-commercial', budgetNok: { min: 300_000, max: 1_200_000 } },
  { title: 'Sanntidsinformasjon om kollektivtrafikk', summary: 'Skjermer og varsler som viser når bussen faktisk kommer.', description: 'Vi vil ha rimelige, energieffektive informasjonsskjermer ved holdeplasser som viser sanntid og avvik, også i lyd for synshemmede.', domains: ['mobility', 'digital-services'], cpvCodes: ['48813200', '30231300'], procedure: 'market-dialogue' },
  { title: 'Energioppfølging i sykehjem', summary: 'Redusere energibruken uten å svekke komforten for beboerne.', description: 'Kommunen vil måle energibruk per bygg og per system, finne avvik automatisk og få forslag til tiltak.', domains: ['energy', 'health-welfare'], cpvCodes: ['71314300', '38554000'], procedure: 'innovation-partnership' },
];

/** How the thirty demo calls spread over statuses: days to the deadline from seeding (hand-laid in demo-call-plan.json). */
export const CALL_PLAN: { template: number; municipality: string; status: 'draft' | 'open' | 'closed' | 'cancelled'; days: number; proposals: number }[] =
  callPlan.map((p) => {
    if (p.status !== 'draft' && p.status !== 'open' && p.status !== 'closed' && p.status !== 'cancelled')
      throw new Error(`demo-call-plan.json: no status ${p.status}`);
    return { ...p, status: p.status };
  });

export const PROPOSAL_TEXTS = [
  {
    summary: 'Vi foreslår en pilot med eksisterende teknologi som kan skaleres raskt.',
    description:
      'Løsningen bygger på utprøvd teknologi fra andre kommuner. Vi starter med en avgrenset pilot, måler effekt mot målene i utlysningen og deler alle data åpent.',
  },
  {
    summary: 'En modulær løsning utviklet sammen med brukerne fra første dag.',
    description: 'Vi involverer ansatte og innbyggere gjennom hele prosjektet, leverer i korte iterasjoner og dokumenterer gevinster underveis.',
  },
  {
    summary: 'Lav risiko: fast pris for piloten og opsjon på full utrulling.',
    description: 'Vi tilbyr fast pris for en seks måneders pilot, opplæring av driftspersonell og åpne grensesnitt som hindrer innlåsing.',
  },
];
