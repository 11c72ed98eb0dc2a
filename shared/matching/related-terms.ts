/**
 * A small, reviewed list of synonyms and related terms for the programme's domains. A call that uses
 * one word of an entry also asks, more weakly, for the others: «oversvømmelse» meets profiles that say
 * «flom». Each entry says why: an entry needs a reason a procurement adviser would accept, not a wish
 * to lift one company. Words are written as people write them; they are stemmed when loaded, and
 * compounds are split like any other word (so «flomvarsling» already meets «flom» and «varsling»).
 *
 * `weight` is the share of a query term's weight its related terms get (synonyms 0.8, related 0.5).
 * Expansion is one step (no chains) and never lowers a weight a term already has.
 */
export interface RelatedTerms {
  words: readonly string[];
  related: readonly string[];
  weight: number;
  reason: string;
}

export const RELATED_TERMS: readonly RelatedTerms[] = [
  // Synonyms and spelling variants (both directions: `words` and `related` are one group).
  { words: ['ombruk', 'gjenbruk'], related: ['ombruk', 'gjenbruk'], weight: 0.8, reason: 'Two names for using a product or material again; municipalities use both.' },
  { words: ['flom', 'oversvømmelse'], related: ['flom', 'oversvømmelse'], weight: 0.8, reason: 'The same hazard.' },
  { words: ['container', 'konteiner', 'beholder', 'avfallsbeholder', 'dunk'], related: ['container', 'konteiner', 'beholder', 'dunk'], weight: 0.8, reason: 'Waste receptacles: the words vary by municipality and supplier.' },
  { words: ['overvåking', 'overvåkning', 'monitorering'], related: ['overvåking', 'overvåkning', 'monitorering'], weight: 0.8, reason: 'Spelling variants and the English loan word.' },
  { words: ['varsling', 'varsel', 'alarm'], related: ['varsling', 'varsel', 'varsle'], weight: 0.8, reason: 'Warning and alerting are one capability.' },
  { words: ['kunstig', 'ki', 'ai', 'maskinlæring'], related: ['ki', 'kunstig', 'maskinlæring'], weight: 0.8, reason: 'Names for artificial intelligence in Norwegian and English.' },
  { words: ['chatbot', 'chat', 'prateprogram', 'språkmodell'], related: ['assistent', 'chatbot', 'språkmodell'], weight: 0.8, reason: 'A conversational assistant under its usual names.' },
  { words: ['elbil', 'elbiler', 'elkjøretøy'], related: ['elbil', 'lading', 'ladeinfrastruktur'], weight: 0.5, reason: 'Electric vehicles need charging: charging suppliers answer such calls.' },
  { words: ['lading', 'ladepunkt', 'ladestasjon', 'lader'], related: ['lading', 'ladepunkt', 'ladeinfrastruktur', 'lader'], weight: 0.8, reason: 'The same charging capability under different words.' },
  { words: ['gatelys', 'gatebelysning', 'veilys'], related: ['gatelys', 'gatebelysning', 'belysning'], weight: 0.8, reason: 'Street lighting.' },
  { words: ['solcelle', 'solceller', 'solkraft', 'solenergi', 'solcelleanlegg'], related: ['solcelle', 'solcelleanlegg', 'solkraft'], weight: 0.8, reason: 'Solar power under its usual names.' },
  { words: ['ruteplanlegging', 'ruteoptimalisering', 'kjørerute'], related: ['ruteoptimalisering', 'ruteplanlegging', 'rute'], weight: 0.8, reason: 'Planning and optimising routes is one capability.' },
  { words: ['tømming', 'henting', 'innsamling'], related: ['innsamling', 'tømming', 'tømme'], weight: 0.5, reason: 'Emptying bins is how waste is collected.' },
  { words: ['fyllingsgrad', 'fyllingsnivå'], related: ['fyllingssensor', 'fylling', 'sensor'], weight: 0.5, reason: 'Fill levels are measured by fill-level sensors.' },
  { words: ['lekkasje', 'vanntap', 'lekkasjer'], related: ['lekkasjesøk', 'lekkasje'], weight: 0.8, reason: 'Water loss is found by leak detection.' },
  { words: ['vannmåler', 'vannmålere', 'forbruksmåler'], related: ['vannmåler', 'måler'], weight: 0.5, reason: 'Smart water meters.' },
  { words: ['hydrologi', 'hydrologisk', 'vannføring', 'nedbør', 'styrtregn', 'skybrudd'], related: ['flom', 'overvann', 'vannføring'], weight: 0.5, reason: 'Rainfall and run-off are what flood and storm-water work measures.' },
  { words: ['overvann', 'overvannsnett'], related: ['overvann', 'flom'], weight: 0.5, reason: 'Storm water is where urban floods start.' },
  { words: ['skred', 'ras', 'jordskred', 'kvikkleire'], related: ['skred', 'ras', 'beredskap'], weight: 0.5, reason: 'Landslide risk is handled with preparedness work.' },
  { words: ['krise', 'krisehåndtering', 'kriser'], related: ['beredskap', 'krisekommunikasjon', 'beredskapsplan'], weight: 0.5, reason: 'Crisis handling is preparedness.' },
  { words: ['evakuering', 'befolkningsvarsel'], related: ['befolkningsvarsling', 'varsling'], weight: 0.5, reason: 'Evacuations start with warning the public.' },
  { words: ['skogbrann', 'lyngbrann', 'gressbrann'], related: ['skogbrann', 'skogbrannvarsling', 'røyk'], weight: 0.8, reason: 'Wildfire under its usual names.' },
  { words: ['meråpent', 'meråpne', 'selvbetjent'], related: ['adgangskontroll', 'selvbetjening'], weight: 0.5, reason: 'Staff-free opening hours (libraries, halls) are run with access control and self-service.' },
  { words: ['adgang', 'adgangskontroll', 'tilgangsstyring', 'nøkkelkort', 'lås'], related: ['adgangskontroll', 'tilgang'], weight: 0.8, reason: 'Access control under its usual names.' },
  { words: ['eldre', 'hjemmeboende', 'hjemmetjeneste', 'hjemmetjenesten'], related: ['hjemmetjeneste', 'velferdsteknologi', 'eldre'], weight: 0.5, reason: 'Care for older people at home is where welfare technology is used.' },
  { words: ['fall', 'fallulykker', 'fallulykke'], related: ['fallforebygging', 'fall'], weight: 0.8, reason: 'Preventing falls.' },
  { words: ['ensomhet', 'isolasjon'], related: ['sosial', 'kontakt'], weight: 0.5, reason: 'Loneliness is met with social contact services.' },
  { words: ['elev', 'elever', 'skoleelever', 'undervisning'], related: ['læring', 'læremiddel', 'skole'], weight: 0.5, reason: 'Teaching pupils is the market of learning tools.' },
  { words: ['lesevansker', 'dysleksi', 'lesestøtte'], related: ['lesestøtte', 'skrivestøtte', 'talesyntese'], weight: 0.8, reason: 'Reading difficulties are met with reading and writing support.' },
  { words: ['innvandrere', 'flyktninger', 'introduksjonsprogram'], related: ['norskopplæring', 'voksenopplæring'], weight: 0.5, reason: 'Newcomers learn Norwegian in adult education.' },
  { words: ['luftforurensning', 'svevestøv', 'luftkvalitet', 'no2'], related: ['luftkvalitet', 'svevestøv'], weight: 0.8, reason: 'Outdoor air quality under its usual names.' },
  { words: ['støy', 'støyplager'], related: ['støymåling', 'støy'], weight: 0.8, reason: 'Noise is assessed by noise measurement.' },
  { words: ['invaderende', 'svartelistede', 'fremmedarter'], related: ['fremmede', 'arter'], weight: 0.8, reason: 'Invasive species.' },
  { words: ['sykkel', 'sykling', 'syklister', 'elsykkel', 'bysykkel'], related: ['sykkel', 'sykkeltelling', 'mikromobilitet'], weight: 0.5, reason: 'Cycling and shared bikes.' },
  { words: ['bildeling', 'delebil', 'delingsordning'], related: ['bildeling', 'delingsordninger', 'mikromobilitet'], weight: 0.8, reason: 'Shared mobility.' },
  { words: ['skoleskyss', 'tilrettelagt', 'pasienttransport'], related: ['bestillingstransport', 'ruteoptimalisering', 'skyss'], weight: 0.5, reason: 'Planned passenger transport is demand-responsive transport and routing.' },
  { words: ['energibruk', 'strømforbruk', 'energiforbruk'], related: ['energioppfølging', 'energistyring', 'energi'], weight: 0.8, reason: 'Energy use is followed up with energy management.' },
  { words: ['effekttopper', 'effekttopp', 'effektuttak', 'nettleie'], related: ['effektstyring', 'batterilager'], weight: 0.5, reason: 'Peak loads are cut with load control and batteries.' },
  { words: ['inneklima', 'ventilasjon', 'co2'], related: ['inneklima', 'byggautomasjon'], weight: 0.5, reason: 'Indoor climate is controlled through building automation.' },
  { words: ['vedlikehold', 'vedlikeholdsplan', 'forvaltning'], related: ['fdv', 'tilstandsvurdering', 'vedlikeholdsplan'], weight: 0.5, reason: 'Maintenance planning builds on FDV and condition surveys.' },
  { words: ['reguleringsplan', 'arealplan', 'planforslag'], related: ['reguleringsplan', 'medvirkning', 'planregister'], weight: 0.5, reason: 'Zoning plans.' },
  { words: ['3d', 'bymodell', 'tvilling'], related: ['digital', 'tvilling', 'bymodell'], weight: 0.5, reason: 'Digital twins and 3D city models.' },
  { words: ['gründer', 'gründere', 'oppstart', 'nyetablerte', 'etablerere'], related: ['etablererveiledning', 'inkubator', 'mentorprogram'], weight: 0.5, reason: 'Start-ups are helped by incubators and mentoring.' },
  { words: ['turisme', 'turister', 'besøkende', 'reiselivet'], related: ['reiseliv', 'besøksdata', 'besøksstrømmer'], weight: 0.5, reason: 'Tourism.' },
  { words: ['lokalmat', 'kortreist', 'matprodusenter'], related: ['lokal', 'mat', 'produsenter'], weight: 0.8, reason: 'Local food.' },
  { words: ['personvern', 'gdpr', 'informasjonssikkerhet'], related: ['personvern', 'informasjonssikkerhet', 'personvernkonsekvensvurderinger'], weight: 0.5, reason: 'Privacy and information security go together.' },
  { words: ['innbyggerdialog', 'henvendelser', 'publikumshenvendelser'], related: ['ki', 'assistent', 'svarer', 'innbyggere'], weight: 0.5, reason: 'Citizen enquiries are where assistants answer.' },
  { words: ['søppel', 'søppelkasse', 'søppelkasser', 'søppeldunk', 'avfallsdunk'], related: ['avfall', 'container', 'beholder'], weight: 0.8, reason: 'Everyday words for waste and bins.' },
  { words: ['matavfall', 'restavfall', 'husholdningsavfall', 'næringsavfall'], related: ['avfall', 'avfallshåndtering', 'innsamling'], weight: 0.5, reason: 'Kinds of waste are handled by waste firms.' },
  { words: ['brukt', 'brukte', 'sirkulær', 'sirkulærøkonomi', 'gjenvinning'], related: ['ombruk', 'gjenbruk'], weight: 0.5, reason: 'Circular economy starts with reuse.' },
  { words: ['riving', 'rivning', 'ombygging', 'riveprosjekter'], related: ['ombruk', 'materialer', 'rehabilitering'], weight: 0.5, reason: 'Demolition and conversion are where reusable materials are mapped.' },
  { words: ['naturmangfold', 'biologisk', 'artsmangfold'], related: ['naturkartlegging', 'arter', 'naturtyper'], weight: 0.8, reason: 'Biodiversity is surveyed by mapping species and habitats.' },
  { words: ['klimagass', 'klimagassutslipp', 'utslipp', 'klimamål'], related: ['klimaregnskap', 'klimabudsjett'], weight: 0.5, reason: 'Emissions are counted in climate accounts and budgets.' },
  { words: ['strandrydding', 'havplast', 'plastforsøpling', 'forsøpling'], related: ['marin', 'forsøpling'], weight: 0.8, reason: 'Marine litter.' },
  { words: ['medisinering', 'legemidler', 'medisiner'], related: ['medisindispenser', 'medisin'], weight: 0.5, reason: 'Medication at home is supported by dispensers.' },
  { words: ['videosamtale', 'videokonsultasjon', 'skjermbesøk'], related: ['videoskjermer', 'sosial', 'kontakt'], weight: 0.5, reason: 'Video calls for people at home.' },
  { words: ['hjemmesykepleie', 'omsorgsboliger', 'omsorgsbolig', 'sykehjem'], related: ['hjemmetjeneste', 'velferdsteknologi', 'tilsyn'], weight: 0.5, reason: 'Where welfare technology is used.' },
  { words: ['tilpasset', 'matematikk', 'regning'], related: ['adaptiv', 'læring', 'læremidler'], weight: 0.5, reason: 'Adapted teaching is what adaptive learning tools do.' },
  { words: ['koding', 'robotikk'], related: ['programmering'], weight: 0.8, reason: 'Teaching coding.' },
  { words: ['foreldre', 'foresatte', 'hjem-skole'], related: ['foreldrekommunikasjon', 'foresatte'], weight: 0.8, reason: 'Parents and guardians.' },
  { words: ['innsyn', 'arkivering', 'journalføring'], related: ['sak/arkiv', 'arkiv'], weight: 0.5, reason: 'Records management.' },
  { words: ['bim', 'bygningsinformasjonsmodell', 'modellering'], related: ['digital', 'tvilling', 'bymodell'], weight: 0.5, reason: 'Building models and digital twins.' },
  { words: ['eiendomsforvaltning', 'bygningsmasse', 'formålsbygg'], related: ['fdv', 'vedlikeholdsplan', 'tilstandsvurdering'], weight: 0.5, reason: 'Managing a building stock.' },
  { words: ['innbrudd', 'hærverk', 'tyveri'], related: ['kameraovervåking', 'adgangskontroll', 'alarmmottak'], weight: 0.5, reason: 'Break-ins and vandalism are met with surveillance, access control and alarms.' },
  { words: ['skolevei', 'skoleveien', 'fotgjengere', 'gangfelt'], related: ['trafikksikkerhet', 'trafikksikkerhetstiltak'], weight: 0.5, reason: 'Safe routes to school.' },
  { words: ['trafikktelling', 'ferdselstelling', 'passeringer'], related: ['telling', 'trafikkdata', 'sykkeltelling'], weight: 0.8, reason: 'Counting traffic.' },
  { words: ['pendlere', 'innfartsparkering', 'bysentrum'], related: ['parkering', 'mobilitetsplaner'], weight: 0.5, reason: 'Commuting and parking.' },
  { words: ['energisparing', 'energieffektivisering', 'sparetiltak'], related: ['enøk', 'energioppfølging', 'energikartlegging'], weight: 0.8, reason: 'Saving energy.' },
  { words: ['etablering', 'etablerere', 'bedriftsetablering'], related: ['etablererveiledning', 'inkubator'], weight: 0.8, reason: 'Starting a business.' },
  { words: ['besøksnæring', 'opplevelser', 'sesongen'], related: ['reiseliv', 'besøksdata'], weight: 0.5, reason: 'Visitor economy.' },
];

/**
 * The core words of each of the programme's domains. A call names its domains; its query then also
 * asks, weakly (DOMAIN_WEIGHT in analyze.ts), for these words, so that among companies that share no
 * precise term with the call, those working in the call's field come before those that do not. The
 * weight is low on purpose: a company that says what the call needs always outranks one that is merely
 * in the same field.
 */
export const DOMAIN_TERMS: Readonly<Record<string, { words: readonly string[]; reason: string }>> = {
  mobility: { words: ['mobilitet', 'transport', 'trafikk', 'kollektivtrafikk', 'samferdsel', 'sykkel', 'parkering', 'lading', 'reise'], reason: 'How people and goods move.' },
  energy: { words: ['energi', 'kraft', 'strøm', 'effekt', 'solceller', 'varme', 'energistyring', 'enøk'], reason: 'Producing, storing and saving energy.' },
  environment: { words: ['miljø', 'natur', 'klima', 'miljøovervåking', 'luftkvalitet', 'arter', 'miljødata', 'klimatilpasning'], reason: 'The state of nature, air and climate.' },
  'health-welfare': { words: ['helse', 'omsorg', 'velferd', 'velferdsteknologi', 'trygghet', 'hjemmetjeneste', 'eldre', 'pleie'], reason: 'Care and welfare services.' },
  education: { words: ['læring', 'skole', 'opplæring', 'elever', 'lærere', 'læremidler', 'pedagogikk', 'kurs'], reason: 'Schools and learning.' },
  'digital-services': { words: ['digital', 'programvare', 'data', 'integrasjon', 'plattform', 'app', 'systemer', 'tjenestedesign'], reason: 'Software and digital services.' },
  'water-waste': { words: ['vann', 'avløp', 'avfall', 'gjenvinning', 'renovasjon', 'ledningsnett', 'overvann', 'va'], reason: 'Water, sewage and waste.' },
  'buildings-planning': { words: ['bygg', 'eiendom', 'plan', 'arkitektur', 'regulering', 'byggteknikk', 'vedlikehold', 'kart'], reason: 'Buildings, property and planning.' },
  safety: { words: ['sikkerhet', 'beredskap', 'varsling', 'sikring', 'brann', 'krise', 'alarm', 'risiko'], reason: 'Safety and preparedness.' },
  'business-development': { words: ['næringsutvikling', 'innovasjon', 'forretningsutvikling', 'gründer', 'reiseliv', 'rådgivning', 'vekst', 'næringsliv'], reason: 'Business development.' },
};
