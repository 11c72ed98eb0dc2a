import { ulid } from 'ulid';
import { isSeeded as alreadySeeded, markSeeded } from '../../functions/data/table-setup.js';
import { getCall, insertCall, type CallRecord } from '../../functions/data/calls.js';
import { insertOrganisation, insertUser } from '../../functions/data/organisations.js';
import { upsertProposal } from '../../functions/data/proposals.js';
import { normaliseCall } from '../../functions/calls/rules.js';
import { firstAnswerKind } from '../../shared/domain/procedure.js';
import { generateCompanies, mulberry32 } from './generate/companies.js';
import { seedAssociations } from './seed-associations.js';
import { seedSharing } from './seed-sharing.js';
import { seedSubscriptions } from './seed-subscriptions.js';
import { seedAward } from './seed-award.js';
import type { MunicipalityCode } from '../../shared/domain/municipalities.js';
import { ASSOCIATIONS, CALL_PLAN, CALL_TEMPLATES, COMPANIES, MUNICIPALITY_ORGS, PROGRAMME, PROPOSAL_TEXTS, USERS } from './demo-data.js';

const DAY = 86_400_000;
export const DEMO_CRITERIA = [
  { id: 'pris', name: 'Pris', kind: 'price' as const, weight: 30, description: 'Totalpris for piloten i kroner ekskl. mva.' },
  { id: 'kvalitet', name: 'Kvalitet og gjennomføring', kind: 'quality' as const, weight: 40 },
  { id: 'klima', name: 'Klima og miljø', kind: 'climate' as const, weight: 30, description: 'Reduserte utslipp og ressursbruk i hele levetiden.' },
];
export const GENERATED_COMPANIES = 400;

/**
 * Demo data, written once per table: organisations, users, thirty calls across every status and
 * proposals on the closed (and a few open) calls. Deadlines are relative to the first start so the
 * data looks alive. Every write is conditional, so an interrupted seed simply runs again.
 */
export async function seedDemoData(now = new Date()): Promise<boolean> {
  if (await alreadySeeded()) return false;
  for (const org of [...MUNICIPALITY_ORGS, ...COMPANIES, ...ASSOCIATIONS, PROGRAMME]) {
    await insertOrganisation({ ...org, updatedAt: now.toISOString() });
  }
  // Hundreds of generated profiles, so that matching has a market to choose from.
  for (const c of generateCompanies(GENERATED_COMPANIES, 2026)) {
    await insertOrganisation({
      id: c.orgNumber,
      kind: 'company',
      ...c,
      municipalityCode: c.municipalityCode as MunicipalityCode | undefined,
      updatedAt: now.toISOString(),
    });
  }
  for (const user of USERS) await insertUser(user);

  const base = Date.UTC(2026, 0, 1);
  for (const [i, plan] of CALL_PLAN.entries()) {
    const template = CALL_TEMPLATES[plan.template]!;
    const id = ulid(base + i * 60_000, mulberry32(i + 1));
    const deadline = new Date(now.getTime() + plan.days * DAY);
    deadline.setUTCHours(11, 0, 0, 0);
    const createdAt = new Date(Math.min(now.getTime(), deadline.getTime()) - 30 * DAY).toISOString();
    const publishedAt = new Date(Date.parse(createdAt) + 2 * DAY).toISOString();
    const call: CallRecord = {
      ...normaliseCall({ ...template, deadline: deadline.toISOString() }),
      // award issue: every competition publishes weighted criteria that meet the climate rule.
      ...(template.procedure === 'market-dialogue' ? {} : { awardCriteria: DEMO_CRITERIA }),
      id,
      municipalityCode: plan.municipality,
      status: plan.status === 'closed' ? 'open' : plan.status,
      version: plan.status === 'draft' ? 1 : 2,
      createdAt,
      updatedAt: plan.status === 'draft' ? createdAt : publishedAt,
      createdBy: `user-${plan.municipality}`,
      ...(plan.status === 'draft' ? {} : { publishedAt }),
      ...(plan.status === 'cancelled' ? { cancelledAt: new Date(Date.parse(publishedAt) + DAY).toISOString() } : {}),
    };
    if (!(await getCall(id))) await insertCall(call);

    for (let p = 0; p < plan.proposals; p++) {
      const company = COMPANIES[(i + p) % COMPANIES.length]!;
      const text = PROPOSAL_TEXTS[(i + p) % PROPOSAL_TEXTS.length]!;
      const submittedAt = new Date(Date.parse(publishedAt) + (p + 1) * DAY).toISOString();
      // award issue: the answer the procedure asks for (innspill without price, request with self-declaration, tender with price).
      const kind = firstAnswerKind(template.procedure);
      await upsertProposal({
        callId: id,
        orgNumber: company.id,
        companyName: company.name,
        ...text,
        kind,
        ...(kind === 'tender' ? { priceNok: 250_000 * (p + 1) + 50_000 * (i % 4) } : {}),
        ...(kind === 'request'
          ? {
              selfDeclaration: { noExclusionGrounds: true, taxAndVatPaid: true, hmsCompliant: true },
              references: [{ customer: 'Moss kommune', description: 'Tilsvarende pilot i 2025', year: 2025 }],
            }
          : {}),
        partners: p % 2 ? ['Høgskolen i Østfold'] : [],
        submittedAt,
        updatedAt: submittedAt,
        submittedBy: `user-${company.id}`,
      });
    }
  }
  await seedAssociations(now);
  await seedSharing(now);
  await seedSubscriptions(now);
  await seedAward(now);
  await markSeeded(now);
  return true;
}
