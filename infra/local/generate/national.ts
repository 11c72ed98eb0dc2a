/**
 * A deterministic national market for the scale bench and `SEED=national`: 357 municipalities in the 15
 * counties (Østfold's twelve real ones, synthetic kommunenummer elsewhere: `<fylke><nn>`, which may or may
 * not exist), companies with generated profile text and CPV codes, calls over three years (a share open),
 * proposals and associations with members. Same `(size, seed, now)` gives the same market; nothing here
 * reads the clock or Math.random.
 */
import { MUNICIPALITIES } from '../../../shared/domain/municipalities.js';
import type { CallRecord } from '../../../functions/data/call-record.js';
import type { BulkMarket } from '../../../functions/data/bulk-load.js';
import type { OrganisationRecord } from '../../../functions/data/organisations.js';
import { generateCompanies, intBetween, mulberry32, pick, type GeneratedCompany } from './companies.js';
import { generateCalls } from './calls.js';

/** The counties (2024 fylkesnummer) and how many municipalities each has here: 357 in all. */
export const COUNTIES: readonly { code: string; name: string; municipalities: number }[] = [
  { code: '03', name: 'Oslo', municipalities: 1 },
  { code: '11', name: 'Rogaland', municipalities: 23 },
  { code: '15', name: 'Møre og Romsdal', municipalities: 26 },
  { code: '18', name: 'Nordland', municipalities: 41 },
  { code: '31', name: 'Østfold', municipalities: 12 },
  { code: '32', name: 'Akershus', municipalities: 21 },
  { code: '33', name: 'Buskerud', municipalities: 18 },
  { code: '34', name: 'Innlandet', municipalities: 46 },
  { code: '39', name: 'Vestfold', municipalities: 6 },
  { code: '40', name: 'Telemark', municipalities: 17 },
  { code: '42', name: 'Agder', municipalities: 25 },
  { code: '46', name: 'Vestland', municipalities: 43 },
  { code: '50', name: 'Trøndelag', municipalities: 38 },
  { code: '55', name: 'Troms', municipalities: 22 },
  { code: '56', name: 'Finnmark', municipalities: 18 },
];

export function municipalityCodes(counties: readonly string[]): string[] {
  return COUNTIES.filter((c) => counties.includes(c.code)).flatMap((c) =>
    c.code === '31'
      ? MUNICIPALITIES.map((m) => m.code as string)
      : c.code === '03'
        ? ['0301']
        : Array.from({ length: c.municipalities }, (_, i) => `${c.code}${String(i + 1).padStart(2, '0')}`),
  );
}

export interface MarketSize {
  name: string;
  counties: readonly string[];
  companies: number;
  calls: number;
  openCalls: number;
  proposals: number;
  associations: number;
}

/** The three sizes of the bench: Østfold as measured today, five counties, all of Norway. */
export const SIZES: Record<'ostfold' | 'five' | 'national', MarketSize> = {
  ostfold: { name: 'Østfold', counties: ['31'], companies: 10_000, calls: 840, openCalls: 168, proposals: 6_720, associations: 4 },
  five: {
    name: 'five counties',
    counties: ['31', '32', '33', '39', '40'],
    companies: 30_000,
    calls: 5_180,
    openCalls: 1_036,
    proposals: 41_440,
    associations: 12,
  },
  national: {
    name: 'national',
    counties: COUNTIES.map((c) => c.code),
    companies: 100_000,
    calls: 25_000,
    openCalls: 5_000,
    proposals: 200_000,
    associations: 60,
  },
};

export interface Market {
  municipalities: string[];
  companies: (GeneratedCompany & { municipalityCode: string })[];
  calls: CallRecord[];
  proposals: {
    callId: string;
    orgNumber: string;
    companyName: string;
    summary: string;
    description: string;
    partners: string[];
    submittedAt: string;
    updatedAt: string;
    submittedBy: string;
    kind: 'innspill';
  }[];
  associations: { id: string; name: string; members: string[] }[];
}

const DAY = 86_400_000;

export function generateMarket(size: MarketSize, seed: number, now: Date): Market {
  const rng = mulberry32(seed);
  const municipalities = municipalityCodes(size.counties);
  // Profiles as the demo generator writes them; their place moves to a municipality of this market.
  const companies = generateCompanies(size.companies, seed).map((c) => ({ ...c, municipalityCode: pick(rng, municipalities) }));
  const texts = generateCalls(Math.min(size.calls, 2_000), seed, now);
  const nowMs = now.getTime();
  const calls: CallRecord[] = [];
  for (let i = 0; i < size.calls; i++) {
    const t = texts[i % texts.length]!;
    const open = i < size.openCalls;
    // Open calls close within 90 days; the rest closed over the three years before now.
    const deadlineMs = open ? nowMs + intBetween(rng, 1, 90) * DAY : nowMs - intBetween(rng, 1, 3 * 365) * DAY;
    const createdMs = deadlineMs - intBetween(rng, 20, 60) * DAY;
    const id = `${String(i).padStart(8, '0')}${t.id.slice(8)}`.slice(0, 26);
    const roll = rng();
    const status = open ? 'open' : roll < 0.05 ? 'draft' : roll < 0.07 ? 'cancelled' : 'open';
    const municipalityCode = pick(rng, municipalities);
    calls.push({
      id,
      title: t.title,
      summary: t.summary,
      description: t.description,
      domains: t.domains,
      cpvCodes: t.cpvCodes,
      deadline: new Date(deadlineMs).toISOString(),
      procedure: t.procedure,
      municipalityCode,
      status,
      version: status === 'draft' ? 1 : 2,
      createdAt: new Date(createdMs).toISOString(),
      updatedAt: new Date(createdMs + DAY).toISOString(),
      createdBy: `user-${municipalityCode}`,
      ...(status === 'draft' ? {} : { publishedAt: new Date(createdMs + DAY).toISOString() }),
      ...(status === 'cancelled' ? { cancelledAt: new Date(createdMs + 2 * DAY).toISOString(), cancelReason: 'Behovet er dekket på annen måte.' } : {}),
    } as CallRecord);
  }
  const answerable = calls.filter((c) => c.status === 'open');
  const proposals: Market['proposals'] = [];
  const seen = new Set<string>();
  while (proposals.length < size.proposals && answerable.length > 0) {
    const call = pick(rng, answerable);
    const company = pick(rng, companies);
    const key = `${call.id}#${company.orgNumber}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const submittedAt = new Date(Date.parse(call.publishedAt!) + intBetween(rng, 1, 19) * DAY).toISOString();
    proposals.push({
      callId: call.id,
      orgNumber: company.orgNumber,
      companyName: company.name,
      kind: 'innspill',
      summary: `Vi foreslår en pilot for ${call.title.toLocaleLowerCase('nb')}.`,
      description: `${company.description} Vi kan starte innen fire uker og deler data åpent.`,
      partners: [],
      submittedAt,
      updatedAt: submittedAt,
      submittedBy: `user-${company.orgNumber}`,
    });
  }
  const associations = Array.from({ length: size.associations }, (_, i) => ({
    id: `assoc-${String(i + 1).padStart(3, '0')}`,
    name: `Næringsforening ${i + 1} (demo)`,
    members: Array.from({ length: intBetween(rng, 20, 200) }, () => pick(rng, companies).orgNumber).filter((v, j, a) => a.indexOf(v) === j),
  }));
  return { municipalities, companies, calls, proposals, associations };
}

/** The market as the items the use cases would have written (companies, associations, memberships, calls, proposals). */
export function marketRecords(m: Market, at: string): BulkMarket {
  const orgs: OrganisationRecord[] = [
    ...m.companies.map((c) => ({
      id: c.orgNumber,
      kind: 'company' as const,
      name: c.name,
      description: c.description,
      capabilities: c.capabilities,
      cpvCodes: c.cpvCodes,
      municipalityCode: c.municipalityCode as never,
      sme: c.sme,
      capacity: c.capacity,
      updatedAt: at,
    })),
    ...m.associations.map((a) => ({ id: a.id, kind: 'association' as const, name: a.name, updatedAt: at })),
  ];
  const names = new Map(m.companies.map((c) => [c.orgNumber, c.name]));
  const memberships = m.associations.flatMap((a) =>
    a.members.map((orgNumber) => ({
      associationId: a.id,
      associationName: a.name,
      orgNumber,
      companyName: names.get(orgNumber) ?? orgNumber,
      status: 'accepted' as const,
      requestedAt: at,
      decidedAt: at,
      requestedBy: `user-${orgNumber}`,
      decidedBy: `user-${a.id}`,
    })),
  );
  return { organisations: orgs, calls: m.calls, proposals: m.proposals, memberships };
}
