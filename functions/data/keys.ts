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
  municipalityCallPrefix: 'CALL#',

  /** A recorded correction of a published call; zero-padded version, so the log sorts oldest first. */
  callChange: (callId: string, version: number) => ({ pk: `CALL#${callId}`, sk: `CHANGE#${String(version).padStart(8, '0')}` }),
  callChangePrefix: 'CHANGE#',

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
  /** gsi2: the users of one organisation (whose language its e-mails follow). */
  usersOf: (orgId: string) => `USERSOF#${orgId}`,

  /** gsi1: every proposal by submission time (programme statistics). */
  allProposals: 'PROPOSALS',
  allProposalsSort: (submittedAt: string, callId: string, orgNumber: string) => `${submittedAt}#${callId}#${orgNumber}`,
  /** A company that opened a call's page, with when it last did (reach of promotions). */
  callViewer: (callId: string, orgNumber: string) => ({ pk: `CALL#${callId}`, sk: `VIEWER#${orgNumber}` }),
  callViewerPrefix: 'VIEWER#',
  /** The last counted view of one viewer (`org:<id>` or `visitor:<id>`) of a call: one per viewer per 24 h. */
  countedView: (callId: string, viewer: string) => ({ pk: `CALL#${callId}`, sk: `SEEN#${viewer}` }),

  membership: (associationId: string, orgNumber: string) => ({ pk: `ASSOC#${associationId}`, sk: `MEMBER#${orgNumber}` }),
  membershipPrefix: 'MEMBER#',
  /** gsi2 (with orgProposals' partition): a company's memberships. */
  orgMembershipSort: (associationId: string) => `MEMBERSHIP#${associationId}`,
  orgMembershipPrefix: 'MEMBERSHIP#',
  promotion: (promotionId: string) => ({ pk: `PROMO#${promotionId}`, sk: 'PROMO' }),
  /** gsi1: an association's promotions, newest last. */
  associationPromotions: (associationId: string) => `ASSOC#${associationId}#PROMOS`,
  /** gsi2: a call's promotions. */
  callPromotions: (callId: string) => `CALL#${callId}#PROMOS`,

  subscription: (orgId: string, subscriptionId: string) => ({ pk: `ORG#${orgId}`, sk: `SUB#${subscriptionId}` }),
  subscriptionPrefix: 'SUB#',
  /** gsi1: every subscription of one frequency (the notification job's work list). */
  subscriptionsByFrequency: (frequency: string) => `SUBS#${frequency}`,
  /** One item per (subscription, call) notice sent: a conditional put makes sending idempotent. */
  noticeSent: (subscriptionId: string, callId: string) => ({ pk: `SUB#${subscriptionId}`, sk: `SENT#${callId}` }),
  notificationWatermark: { pk: 'META', sk: 'NOTICES' },

  outcome: (callId: string) => ({ pk: `CALL#${callId}`, sk: 'OUTCOME' }),
  /** gsi1: published outcomes (the lessons registry), newest last. */
  lessons: 'LESSONS',
  reuse: (originalId: string, reusedAt: string, newId: string) => ({ pk: `CALL#${originalId}`, sk: `REUSE#${reusedAt}#${newId}` }),
  reusePrefix: 'REUSE#',

  /** Conditional counters behind caps (functions/data/counters.ts): subscriptions per organisation, open drafts per municipality. */
  counter: (owner: string, kind: string) => ({ pk: `ORG#${owner}`, sk: `COUNT#${kind}` }),
  /** A reuse of `originalId` by one municipality, remembered for an hour so a retry returns the same draft. */
  reuseGuard: (originalId: string, municipalityCode: string) => ({ pk: `CALL#${originalId}`, sk: `REUSEBY#${municipalityCode}` }),
  /** A stored answer to a create sent with an Idempotency-Key (scoped to the caller's organisation and route). */
  idempotency: (scope: string, key: string) => ({ pk: `IDEMP#${scope}`, sk: `KEY#${key}` }),

  /** An e-mail address of an organisation, pending or confirmed (lower-cased). */
  emailAddress: (orgId: string, address: string) => ({ pk: `ORG#${orgId}`, sk: `EMAIL#${address}` }),
  /** gsi1: addresses whose confirmation message the job still has to send. */
  pendingEmails: 'EMAILS#PENDING',

  /** A claimed organisation name (shared/domain/text.ts comparableName): one organisation per name. */
  organisationName: (comparable: string) => ({ pk: `ORGNAME#${comparable}`, sk: 'ORGNAME' }),

  seedMarker: { pk: 'META', sk: 'SEED' },

  // ---- open phase (questions, documents, attachments, stakeholder notices) ----
  /** gsi1: published calls that were cancelled, by when (the feeds keep them 30 days). */
  cancelledCalls: 'CALLS#CANCELLED',
  cancelledSort: (cancelledAt: string, id: string) => `${cancelledAt}#${id}`,
  /** A question to a call (random id: nothing in it dates or names the asker). */
  question: (callId: string, questionId: string) => ({ pk: `CALL#${callId}`, sk: `QUESTION#${questionId}` }),
  questionPrefix: 'QUESTION#',
  /** A call document (konkurransegrunnlag …); listed once its bytes are verified. */
  document: (callId: string, docId: string) => ({ pk: `CALL#${callId}`, sk: `DOC#${docId}` }),
  documentPrefix: 'DOC#',
  /** A file attached to a company's proposal: sealed like the proposal. */
  attachment: (callId: string, orgNumber: string, id: string) => ({ pk: `CALL#${callId}`, sk: `ATTACH#${orgNumber}#${id}` }),
  /** One company's attachments to a call, or (no company given) everyone's. */
  attachmentPrefix: (orgNumber?: string) => (orgNumber ? `ATTACH#${orgNumber}#` : 'ATTACH#'),
  /** A document added, replaced or removed after publication: an entry of the change log. */
  documentChange: (callId: string, changedAt: string, id: string) => ({ pk: `CALL#${callId}`, sk: `DOCCHANGE#${changedAt}#${id}` }),
  documentChangePrefix: 'DOCCHANGE#',
  /** One item per (event, recipient) a stakeholder notice was sent for: sending is idempotent per event. */
  stakeholderNotice: (eventId: string, email: string) => ({ pk: `NOTICE#${eventId}`, sk: `TO#${email}` }),
  // ── award issue: from deadline to contract (docs/data-model.md) ──
  /** A selected company's tender in a two-stage procedure (its request stays under PROPOSAL#). */
  tender: (callId: string, orgNumber: string) => ({ pk: `CALL#${callId}`, sk: `TENDER#${orgNumber}` }),
  tenderPrefix: 'TENDER#',
  /** One user's impartiality declaration for one call; written once. */
  impartiality: (callId: string, userId: string) => ({ pk: `CALL#${callId}`, sk: `IMPARTIAL#${userId}` }),
  impartialityPrefix: 'IMPARTIAL#',
  /** The owner's evaluation of one tender, versioned (ETag / If-Match). */
  evaluation: (callId: string, orgNumber: string) => ({ pk: `CALL#${callId}`, sk: `EVAL#${orgNumber}` }),
  evaluationPrefix: 'EVAL#',
  /** A letter (selection, award, withdrawal, cancellation) to one company, with its RFC 5322 message. */
  letter: (callId: string, decisionId: string, orgNumber: string) => ({ pk: `CALL#${callId}`, sk: `LETTER#${decisionId}#${orgNumber}` }),
  letterPrefix: 'LETTER#',
  /** The procurement record: one item per event; the id is deterministic so a retried write does not repeat it. */
  callEvent: (callId: string, at: string, eventId: string) => ({ pk: `CALL#${callId}`, sk: `EVENT#${at}#${eventId}` }),
  callEventPrefix: 'EVENT#',
  /** Every stored version of a call (for the archive), written with each change made by this use cases. */
  callVersion: (callId: string, version: number) => ({ pk: `CALL#${callId}`, sk: `VERSION#${String(version).padStart(6, '0')}` }),
  callVersionPrefix: 'VERSION#',
} as const;
