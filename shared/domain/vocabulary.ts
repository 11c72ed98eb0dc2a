export const DOMAINS = [
  'mobility',
  'energy',
  'environment',
  'health-welfare',
  'education',
  'digital-services',
  'water-waste',
  'buildings-planning',
  'safety',
  'business-development',
] as const;
export type Domain = (typeof DOMAINS)[number];

export const PROCEDURES = ['market-dialogue', 'innovation-partnership', 'competitive-negotiation', 'pre-commercial', 'startup-challenge'] as const;
export type Procedure = (typeof PROCEDURES)[number];

/** The languages of the UI, e-mails, feeds and open data: bokmål first, English too (docs/glossary.md). */
export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** A stored or requested language, or bokmål when there is none or it is unknown. */
export const languageOr = (l: unknown): Language => (l === 'en' ? 'en' : 'nb');

/** What came of a call's project (the outcome a municipality records). */
export const PROJECT_STATUSES = ['pilot', 'scaling', 'stopped'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const ORGANISATION_KINDS = ['municipality', 'company', 'association', 'programme'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
/** A user's role is named after the kind of the one organisation they belong to. */
export type Role = OrganisationKind;

type Labels = { nb: string; en: string };

export const DOMAIN_LABELS: Record<Domain, Labels> = {
  mobility: { nb: 'Mobilitet', en: 'Mobility' },
  energy: { nb: 'Energi', en: 'Energy' },
  environment: { nb: 'Miljø og klima', en: 'Environment and climate' },
  'health-welfare': { nb: 'Helse og velferd', en: 'Health and welfare' },
  education: { nb: 'Oppvekst og utdanning', en: 'Education' },
  'digital-services': { nb: 'Digitale tjenester', en: 'Digital services' },
  'water-waste': { nb: 'Vann, avløp og avfall', en: 'Water and waste' },
  'buildings-planning': { nb: 'Bygg og planlegging', en: 'Buildings and planning' },
  safety: { nb: 'Samfunnssikkerhet', en: 'Safety and security' },
  'business-development': { nb: 'Næringsutvikling', en: 'Business development' },
};

export const PROCEDURE_LABELS: Record<Procedure, Labels> = {
  'market-dialogue': { nb: 'Markedsdialog', en: 'Market dialogue' },
  'innovation-partnership': { nb: 'Innovasjonspartnerskap', en: 'Innovation partnership' },
  'competitive-negotiation': { nb: 'Konkurranse med forhandling', en: 'Competitive procedure with negotiation' },
  'pre-commercial': { nb: 'Førkommersiell anskaffelse', en: 'Pre-commercial procurement' },
  'startup-challenge': { nb: 'Konkurranse for oppstartsbedrifter', en: 'Start-up challenge' },
};
