import { organisations, users } from './organisations.js';
import { postings } from './call-postings.js';
import { aggregateDeclaration } from './aggregates.js';

/**
 * Every declared item type, for the generated tables in docs/data-model.md (scripts/data-model-doc.ts).
 * Declare a new item type with entity() in its data module and add it here; the docs test fails until
 * the document is regenerated.
 */
export const ENTITIES = [...[organisations, users, postings].map((e) => e.declaration), aggregateDeclaration];
