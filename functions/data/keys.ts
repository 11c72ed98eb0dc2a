/**
 * Every key the table uses, built in one place. docs/data-model.md lists the access pattern each serves.
 */
export const keys = {
  call: (id: string) => ({ pk: `CALL#${id}`, sk: 'CALL' }),
  /** gsi1: published (open) calls ordered by deadline; sparse, so drafts and cancelled calls are absent. */
  publishedCalls: 'CALLS#PUBLISHED',
  publishedSort: (deadline: string, id: string) => `${deadline}#${id}`,
  /** gsi2: every call of a municipality, newest first. */
  municipalityCalls: (code: string) => `MUNI#${code}`,
  municipalityCallSort: (createdAt: string, id: string) => `CALL#${createdAt}#${id}`,

  proposal: (callId: string, orgNumber: string) => ({ pk: `CALL#${callId}`, sk: `PROPOSAL#${orgNumber}` }),
  proposalPrefix: 'PROPOSAL#',
  /** gsi2: a company's proposals, newest first. */
  orgProposals: (orgNumber: string) => `ORG#${orgNumber}`,
  orgProposalSort: (submittedAt: string, callId: string) => `PROPOSAL#${submittedAt}#${callId}`,

  organisation: (id: string) => ({ pk: `ORG#${id}`, sk: 'ORG' }),
  /** gsi1: organisations of one kind by name. */
  organisationsOfKind: (kind: string) => `ORGS#${kind}`,

  /** gsi2: companies by when their profile last changed (loads and refreshes the match index). */
  companyChanges: 'COMPANIES',
  companyChangeSort: (updatedAt: string, orgNumber: string) => `${updatedAt}#${orgNumber}`,

  user: (id: string) => ({ pk: `USER#${id}`, sk: 'USER' }),
  /** gsi1: all users (for the local demo sign-in list only). */
  users: 'USERS',

  seedMarker: { pk: 'META', sk: 'SEED' },
} as const;
