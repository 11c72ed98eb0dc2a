import { calls } from './calls.js';
import { callViewers, countedViews, memberships, promotions } from './associations.js';
import { callEvents, callVersions, evaluations, impartiality, letters } from './award.js';
import { callChanges } from './call-changes.js';
import { counters } from './counters.js';
import { emailAddresses } from './email-addresses.js';
import { attachments, documentChanges, documents } from './files.js';
import { idempotencyClaims } from './idempotency.js';
import { stakeholderNotices } from './notices.js';
import { organisationNames, organisations, users } from './organisations.js';
import { proposals, tenders } from './proposals.js';
import { questions } from './questions.js';
import { outcomes, reuseGuards, reuses } from './sharing.js';
import { noticesSent, notificationWatermark, subscriptions } from './subscriptions.js';
import { seedMarker } from './table-setup.js';
import { postings } from './call-postings.js';
import { aggregates, companyCounts, contributions } from './aggregates.js';

/**
 * Every declared item type, for the generated tables in docs/data-model.md (scripts/data-model-doc.ts).
 * Declare a new item type with entity() in its data module and add it here; the docs test fails until
 * the document is regenerated.
 */
export const ENTITIES = [
  calls,
  organisations,
  users,
  organisationNames,
  proposals,
  tenders,
  callChanges,
  callViewers,
  countedViews,
  memberships,
  promotions,
  subscriptions,
  noticesSent,
  notificationWatermark,
  emailAddresses,
  outcomes,
  reuses,
  reuseGuards,
  questions,
  documents,
  attachments,
  documentChanges,
  stakeholderNotices,
  impartiality,
  evaluations,
  letters,
  callEvents,
  callVersions,
  counters,
  idempotencyClaims,
  seedMarker,
  postings,
  aggregates,
  contributions,
  companyCounts,
].map((e) => e.declaration);
