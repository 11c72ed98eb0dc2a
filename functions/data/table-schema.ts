/**
 * Physical shape of the single table, as plain data: CDK (infra/stacks/data.ts) and the local
 * runtime (infra/local/table.ts) both create the table from this, so they cannot drift.
 * Access patterns → keys are documented in docs/data-model.md.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** Published calls by facet (all, municipality, county, domain, CPV division, word key), by deadline: call-postings.ts. */
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
} as const;

export const DEFAULT_TABLE_NAME = 'innovasjonstorget';
