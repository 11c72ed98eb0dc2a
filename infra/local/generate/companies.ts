/**
 * Deterministic generator of realistic (fictional) Norwegian company profiles for demo data and benchmarks.
 * Same `(count, seed)` always gives the same companies; no Math.random, no clock.
 */
import { MUNICIPALITIES } from '../../../shared/domain/municipalities.js';
import { withCheckDigit } from '../../../shared/domain/org-number.js';
import { DOMAINS, type Domain } from '../../../shared/domain/vocabulary.js';

export interface GeneratedCompany {
  orgNumber: string;
  name: string;
  description: string;
  capabilities: string[];
  cpvCodes: string[];
  municipalityCode?: string;
  sme: boolean;
  capacity: number;
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness

export type Rng = () => number;

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** `n` distinct items (or all of them when there are fewer), in random order. */
export function pickDistinct<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) {
    const i = Math.floor(rng() * pool.length);
    out.push(pool[i]!);
    pool[i] = pool[pool.length - 1]!;
    pool.pop();
  }
  return out;
}

export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

// ---------------------------------------------------------------------------------------------
// Places

/** Rough population weights, so Fredrikstad and Sarpsborg get more companies than Aremark. */
const MUNICIPALITY_WEIGHTS: Record<string, number> = {
  '3101': 31, '3103': 51, '3105': 59, '3107': 85, '3110': 5, '3112': 8,
  '3114': 6, '3116': 4, '3118': 46, '3120': 8, '3122': 4, '3124': 2,
};
const WEIGHTED_MUNICIPALITIES: string[] = MUNICIPALITIES.flatMap((m) =>
  Array.from({ length: MUNICIPALITY_WEIGHTS[m.code] ?? 1 }, () => m.code),
);

export function pickMunicipalityCode(rng: Rng): string {
  return pick(rng, WEIGHTED_MUNICIPALITIES);
}

/** Place names used in company names and descriptions, by municipality. */
const LOCAL_PLACES: Record<string, string[]> = {
  '3101': ['Halden', 'Tistedal', 'Idd'],
  '3103': ['Moss', 'Jeløy', 'Rygge'],
  '3105': ['Sarpsborg', 'Tune', 'Borg', 'Greåker'],
  '3107': ['Fredrikstad', 'Onsøy', 'Kråkerøy', 'Gamlebyen'],
  '3110': ['Hvaler', 'Skjærhalden'],
  '3112': ['Råde', 'Karlshus'],
  '3114': ['Våler', 'Kirkebygden'],
  '3116': ['Skiptvet'],
  '3118': ['Mysen', 'Askim', 'Spydeberg', 'Eidsberg'],
  '3120': ['Rakkestad'],
  '3122': ['Ørje', 'Marker'],
  '3124': ['Aremark'],
};
const REGION_NAMES = ['Østfold', 'Smaalenene', 'Glomma', 'Nedre Glomma', 'Viken', 'Øst'];
const OUTSIDE_CITIES = ['Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Drammen', 'Lillestrøm', 'Tønsberg', 'Hamar', 'Kristiansand', 'Tromsø', 'Ski', 'Asker', 'Porsgrunn', 'Gjøvik'];

const NAME_PREFIXES = ['Fjord', 'Skog', 'Berg', 'Sol', 'Vind', 'Kyst', 'Elve', 'Furu', 'Lyng', 'Nord', 'Øst', 'Sør', 'Bølge', 'Stein', 'Havn', 'Blå', 'Grønn', 'Eik', 'Bjørke', 'Ask'];
const NAME_SUFFIXES = ['lys', 'kraft', 'vik', 'dal', 'li', 'haug', 'sund', 'bru', 'nes', 'vang', 'mo', 'tind', 'strand', 'holm', 'ås', 'stad'];
const SURNAMES = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Berg', 'Haugen', 'Hagen', 'Eriksen', 'Bakke', 'Moen', 'Strand', 'Lund', 'Dahl', 'Solberg', 'Halvorsen', 'Aas', 'Lie', 'Sørensen', 'Jacobsen', 'Iversen', 'Amundsen', 'Myhre', 'Holm', 'Ødegård', 'Berntsen', 'Thorsen', 'Skaug', 'Vik', 'Engen', 'Lunde'];

// ---------------------------------------------------------------------------------------------
// Per-domain vocabularies (bokmål)

export interface DomainVocabulary {
  /** Words that end a company name: "Halden Energi AS". */
  sectorWords: string[];
  capabilities: string[];
  /** Whole sentences, combined 2–4 at a time into descriptions. */
  fragments: string[];
  /** Plausible CPV codes: specific categories first, broad group/division codes last. */
  cpvSpecific: string[];
  cpvBroad: string[];
}

export const DOMAIN_VOCABULARY: Record<Domain, DomainVocabulary> = {
  mobility: {
    sectorWords: ['Mobilitet', 'Transport', 'Trafikk', 'Ruteteknikk', 'Logistikk', 'Samferdsel'],
    capabilities: ['bestillingstransport', 'ruteoptimalisering', 'trafikkdata', 'sykkeltelling', 'parkering', 'ladeinfrastruktur', 'mikromobilitet', 'sanntidsinformasjon', 'flåtestyring', 'trafikksikkerhet', 'mobilitetsplaner', 'kollektivtrafikk'],
    fragments: [
      'Vi utvikler løsninger for bestillingsstyrt transport der passasjerene bestiller tur i app eller på telefon.',
      'Med radar og kamera som anonymiserer på stedet teller vi biler, syklister og fotgjengere.',
      'Selskapet leverer sanntidsinformasjon om kollektivtrafikk til skjermer ved holdeplasser og i apper.',
      'Vi hjelper kommuner og næringsområder med mobilitetsplaner og reisevaneundersøkelser.',
      'Sensorbasert parkering gjør det mulig å vise ledige plasser i sanntid og redusere letekjøring.',
      'Vi drifter delingsordninger for elsykler og bildeling med stasjoner ved kollektivknutepunkt.',
      'Programvaren vår optimaliserer ruter for skoleskyss, hjemmetjeneste og varelevering.',
      'Vi analyserer kjøremønster i kommunale bilparker og planlegger overgangen til elbil.',
      'Trafikkdataene våre deles som åpne data og brukes i rapportering til byvekstavtaler.',
      'Vi har lang erfaring med trafikksikkerhetstiltak ved skoler, gangfelt og kryss.',
    ],
    cpvSpecific: ['34996000', '38300000', '60112000', '60130000', '63712000', '72212000', '34144900', '34430000', '98351000', '31158000'],
    cpvBroad: ['60100000', '48000000', '60000000', '34000000'],
  },
  energy: {
    sectorWords: ['Energi', 'Kraft', 'Solkraft', 'Varme', 'Elektro', 'Effekt'],
    capabilities: ['solceller', 'batterilager', 'energistyring', 'energirådgivning', 'varmepumper', 'fjernvarme', 'effektstyring', 'gatelys', 'LED', 'energioppfølging', 'smart lading', 'ENØK'],
    fragments: [
      'Vi prosjekterer og monterer solcelleanlegg på næringsbygg, gårdsbruk og offentlige bygg.',
      'Energistyringssystemet vårt flytter forbruk til timer med lav pris og egen produksjon.',
      'Selskapet bygger og driver lokale varmesentraler basert på varmepumper, bioenergi og spillvarme.',
      'Vi gjennomfører energikartlegging og følger opp energibruken med månedlige rapporter.',
      'Batterilagrene våre kutter effekttopper og gjør byggene mindre avhengige av nettet.',
      'Vi leverer behovsstyrt gatebelysning med fjernstyring og energimåling.',
      'Programvaren vår styrer elbillading, varmepumper og ventilasjon mot spotpris og effekttariff.',
      'Vi har lang erfaring med ENØK-tiltak i skoler, sykehjem og idrettsanlegg.',
      'Kundene våre kan selge fleksibilitet i lokale fleksibilitetsmarkeder.',
      'Vi tar oss av alt fra forstudie og dimensjonering til nettilknytning og service.',
    ],
    cpvSpecific: ['09332000', '09323000', '31158000', '31400000', '31520000', '45261215', '45310000', '71314000', '71314300', '42511110'],
    cpvBroad: ['09300000', '31000000', '65300000', '09000000'],
  },
  environment: {
    sectorWords: ['Miljø', 'Natur', 'Klima', 'Miljøanalyse', 'Økologi', 'Miljødata'],
    capabilities: ['luftkvalitet', 'støymåling', 'naturkartlegging', 'fremmede arter', 'klimaregnskap', 'miljøovervåking', 'miljø-DNA', 'klimatilpasning', 'marin forsøpling', 'miljøledelse', 'droner', 'åpne miljødata'],
    fragments: [
      'Vi setter opp sensornettverk for svevestøv, NO2 og støy og kalibrerer dem mot referansestasjoner.',
      'Biologene våre kartlegger naturtyper, truede arter og fremmede arter på land og i strandsonen.',
      'Vi hjelper kommuner med klimaregnskap og klimabudsjett som henger sammen med økonomiplanen.',
      'Med droner og bildegjenkjenning kartlegger vi marin forsøpling i skjærgården.',
      'Selskapet leverer miljødata til nasjonale databaser som Artsdatabanken og Naturbase.',
      'Vi lager tiltaksplaner mot fremmede arter og følger opp effekten over flere sesonger.',
      'Måleresultatene publiseres i sanntid på et åpent kart og som API.',
      'Vi gir råd om klimatilpasning, naturbaserte løsninger og håndtering av overvann.',
      'Vi bistår virksomheter med miljøledelse, Miljøfyrtårn-sertifisering og bærekraftsrapportering.',
      'Miljø-DNA gjør at vi kan påvise arter i vann og jord uten omfattende feltarbeid.',
    ],
    cpvSpecific: ['38344000', '90731000', '90711000', '90713000', '90720000', '73110000', '77300000', '71313000', '90742000'],
    cpvBroad: ['90700000', '90000000', '73000000'],
  },
  'health-welfare': {
    sectorWords: ['Omsorg', 'Helseteknologi', 'Velferd', 'Trygghet', 'Rehab', 'Helse'],
    capabilities: ['velferdsteknologi', 'digitalt tilsyn', 'trygghetsalarm', 'fallforebygging', 'medisindispenser', 'hverdagsrehabilitering', 'responssenter', 'journalintegrasjon', 'demensomsorg', 'sosial kontakt', 'hjemmetjeneste', 'fysioterapi'],
    fragments: [
      'Vi leverer digitalt tilsyn med sensorer som varsler fall, uro og at beboeren har forlatt sengen.',
      'Løsningene våre er integrert med de vanligste journalsystemene i kommunehelsetjenesten.',
      'Selskapet driver et døgnbemannet responssenter for trygghetsalarmer på vegne av flere kommuner.',
      'Automatiske medisindispensere varsler når en dose ikke er tatt.',
      'Vi har utviklet spillbasert trening for eldre som fysioterapeuten kan følge opp digitalt.',
      'Enkle videoskjermer gjør det lett for eldre å holde kontakt med pårørende og frivillige.',
      'Vi gir kurs og veiledning til ansatte i hjemmetjenesten og demensomsorgen.',
      'Personvern og informasjonssikkerhet er bygget inn i alle løsningene våre fra starten.',
      'Piloter i flere kommuner har gitt færre fall og færre unødvendige besøk om natten.',
      'Vi hjelper kommuner å ta i bruk velferdsteknologi i tråd med anbefalingene fra Helsedirektoratet.',
    ],
    cpvSpecific: ['33190000', '48180000', '85312000', '79711000', '85142100', '33196000'],
    cpvBroad: ['85300000', '85100000', '85000000', '33000000'],
  },
  education: {
    sectorWords: ['Læring', 'Skole', 'Pedagogikk', 'Kompetanse', 'Læremidler', 'Kurs'],
    capabilities: ['læringsplattform', 'adaptiv læring', 'digitale læremidler', 'lese- og skrivestøtte', 'voksenopplæring', 'lærerkurs', 'programmering', 'spesialpedagogikk', 'læringsanalyse', 'norskopplæring', 'e-læring', 'foreldrekommunikasjon'],
    fragments: [
      'Vi lager digitale læremidler som tilpasser oppgavene til hver elev og gir læreren oversikt over klassen.',
      'Læringsplattformen vår brukes av skoler i hele landet og er integrert med Feide.',
      'Selskapet tilbyr voksenopplæring, norskkurs og kurs i digitale ferdigheter.',
      'Vi holder verksteder i programmering og robotikk for skoleklasser og lærere.',
      'Innholdet vårt følger læreplanverket LK20 og fungerer med skjermleser.',
      'Vi utvikler lese- og skrivestøtte med norsk talesyntese og ordprediksjon.',
      'Spesialpedagogene våre kartlegger elever og veileder lærere i tilrettelegging.',
      'Vi lager e-læringskurs for kommunalt ansatte, fra personvern til pasientsikkerhet.',
      'Foresatte får meldinger og innsyn i elevens arbeid gjennom én app.',
      'Vi samarbeider med universiteter om forskning på effekten av læremidlene våre.',
    ],
    cpvSpecific: ['48190000', '80100000', '80200000', '80400000', '80420000', '80340000', '39160000'],
    cpvBroad: ['80500000', '80000000'],
  },
  'digital-services': {
    sectorWords: ['Data', 'Digital', 'Kode', 'IT', 'Programvare', 'Systemer'],
    capabilities: ['programvareutvikling', 'integrasjon', 'API', 'KI-assistent', 'dataplattform', 'tjenestedesign', 'universell utforming', 'skytjenester', 'informasjonssikkerhet', 'dataanalyse', 'apputvikling', 'sak/arkiv'],
    fragments: [
      'Vi utvikler skreddersydde fagsystemer, nettsider og apper for kommuner og bedrifter.',
      'Integrasjonene våre kobler fagsystemer til sak/arkiv, Fiks-plattformen og nasjonale registre.',
      'Selskapet bygger KI-assistenter som svarer innbyggere på norsk ut fra kommunens egne sider.',
      'Universell utforming og brukertesting er en fast del av alle prosjektene våre.',
      'Vi hjelper virksomheter å flytte til skyen og å drifte tjenestene sikkert.',
      'Dataplattformen vår samler data fra ulike kilder og gjør dem tilgjengelige gjennom åpne API-er.',
      'Vi bygger dashbord og prediksjonsmodeller og lærer opp ansatte til å bruke dem selv.',
      'Tjenestedesignerne våre kartlegger brukerreiser før vi skriver en eneste kodelinje.',
      'Vi gjennomfører risikovurderinger, penetrasjonstester og personvernkonsekvensvurderinger.',
      'All data behandles i Norge, og vi følger Digitaliseringsdirektoratets arkitekturprinsipper.',
    ],
    cpvSpecific: ['72212000', '72200000', '72300000', '72316000', '72400000', '48500000', '72600000', '72800000'],
    cpvBroad: ['48000000', '72000000'],
  },
  'water-waste': {
    sectorWords: ['VA', 'Vannteknikk', 'Avfall', 'Ressurs', 'Gjenvinning', 'Rørteknikk'],
    capabilities: ['lekkasjesøk', 'smarte vannmålere', 'overvann', 'renseanlegg', 'rørinspeksjon', 'avfallshåndtering', 'fyllingssensorer', 'ombruk', 'kildesortering', 'hydraulisk modellering', 'relining', 'prosessstyring'],
    fragments: [
      'Vi finner lekkasjer i vannledningsnettet med akustiske loggere og sonemåling.',
      'Sensorene våre måler trykk, nivå og vannføring og varsler driftsoperatøren om avvik.',
      'Selskapet inspiserer og rehabiliterer vann- og avløpsledninger uten graving.',
      'Vi styrer lufting og kjemikaliedosering i renseanlegg ut fra sanntidsmålinger.',
      'Fyllingssensorer i containere gjør at vi tømmer når det trengs, ikke etter fast rute.',
      'Vi kartlegger ombrukbare materialer før riving og selger dem videre.',
      'Rådgiverne våre lager hovedplaner for vann og avløp og prosjekterer overvannsløsninger.',
      'Vi tilbyr innsamling av næringsavfall, containerutleie og transport til godkjente mottak.',
      'Hydrauliske modeller hjelper kommunen å prioritere fornyelse av ledningsnettet.',
      'Vi har bidratt til at flere kommuner har halvert lekkasjetapet på få år.',
    ],
    cpvSpecific: ['38421000', '38421100', '65100000', '71800000', '90420000', '90470000', '90510000', '90511000', '45232410', '45111100'],
    cpvBroad: ['90400000', '90500000', '90000000'],
  },
  'buildings-planning': {
    sectorWords: ['Bygg', 'Arkitekter', 'Eiendom', 'Byggteknikk', 'Plan', 'Geomatikk'],
    capabilities: ['arkitektur', 'reguleringsplan', 'digital tvilling', 'GIS', 'FDV', 'byggautomasjon', 'rehabilitering', 'tilstandsvurdering', 'inneklima', 'landmåling', 'medvirkning', 'vedlikeholdsplan'],
    fragments: [
      'Vi tegner skoler, boliger og næringsbygg og legger vekt på bred medvirkning.',
      'Selskapet lager 3D-bymodeller og digitale tvillinger som gjør planforslag lette å forstå.',
      'Vi forvalter kartdata og planregister og leverer plankart etter nasjonale standarder.',
      'FDV-systemet vårt varsler driftsteknikeren før tekniske anlegg svikter.',
      'Vi integrerer SD-anlegg og styrer ventilasjon, varme og lys over åpne protokoller.',
      'Vi rehabiliterer eldre bygg med vekt på inneklima, energi og ombruk.',
      'Tilstandsvurderingene våre gir eiendomsforvaltere et godt grunnlag for vedlikeholdsplanen.',
      'Landmålerne våre jobber med både tradisjonelle instrumenter og droner.',
      'Vi har tatt på oss regulering av både store transformasjonsområder og små boligfelt.',
      'Sensorer for fukt, temperatur og CO2 gir oss løpende kunnskap om tilstanden i byggene.',
    ],
    cpvSpecific: ['71200000', '71410000', '71354000', '71355000', '50700000', '45453000', '42961000', '70330000'],
    cpvBroad: ['45300000', '45000000', '71000000'],
  },
  safety: {
    sectorWords: ['Sikkerhet', 'Beredskap', 'Sikring', 'Varsling', 'Brannteknikk', 'Vakt'],
    capabilities: ['beredskapsplan', 'ROS-analyse', 'befolkningsvarsling', 'skogbrannvarsling', 'droner', 'kameraovervåking', 'krisekommunikasjon', 'flomvarsling', 'trafikksikkerhet', 'brannsikkerhet', 'øvelser', 'alarmmottak'],
    fragments: [
      'Vi hjelper kommuner med helhetlig ROS-analyse, beredskapsplaner og øvelser.',
      'Varslingsløsningen vår når alle som oppholder seg i et område på SMS, tale og app.',
      'Kamera med bildeanalyse oppdager røyk fra skogbrann innen få minutter.',
      'Droneoperatørene våre bistår brannvesen og politi ved søk og større hendelser.',
      'Sensorer i overvannsnettet gir beredskapen tidlig varsel om fare for flom.',
      'Vi leverer kameraovervåking, adgangskontroll og alarmmottak for offentlige bygg.',
      'Krisekommunikasjon på flere språk er en del av alle beredskapsplanene vi lager.',
      'Vi dokumenterer fart og nesten-ulykker ved skoler og gangfelt.',
      'Løsningene våre er koblet til 110-sentralen og kan brukes av beredskapsleder fra mobilen.',
      'Vi har bakgrunn fra brannvesen, Sivilforsvaret og politiet.',
    ],
    cpvSpecific: ['35110000', '35120000', '34711200', '38430000', '75250000', '79417000', '79711000', '34996000'],
    cpvBroad: ['64200000', '35000000', '79700000'],
  },
  'business-development': {
    sectorWords: ['Næringsutvikling', 'Rådgivning', 'Innovasjon', 'Vekst', 'Analyse', 'Forretningsutvikling'],
    capabilities: ['forretningsutvikling', 'inkubator', 'mentorprogram', 'finansiering', 'markedsanalyse', 'reiseliv', 'lokal mat', 'etablererveiledning', 'regnskap', 'klyngeutvikling', 'innovative anskaffelser', 'besøksdata'],
    fragments: [
      'Vi hjelper nye selskaper med forretningsmodell, finansiering og de første kundene.',
      'Mentorprogrammet vårt kobler gründere med erfarne ledere fra regionen.',
      'Selskapet måler besøksstrømmer og hjelper reiselivet å planlegge sesongen.',
      'Vi samler varer fra lokale produsenter og leverer dem til storkjøkken og butikker.',
      'Vi skriver søknader til Innovasjon Norge, Forskningsrådet og EU-programmer.',
      'Markedsanalysene våre gir kommuner og næringsselskaper kunnskap om lokale fortrinn.',
      'Vi leder næringsklynger og nettverk innen teknologi, mat og reiseliv.',
      'Vi har bistått flere kommuner med innovative anskaffelser og markedsdialog.',
      'Nyetablerte bedrifter får hjelp med regnskap, lønn og økonomistyring.',
      'Vi samarbeider tett med næringsforeninger og kommunale næringsavdelinger.',
    ],
    cpvSpecific: ['79400000', '79410000', '79300000', '79340000', '79211000', '15000000', '72400000', '03221000'],
    cpvBroad: ['79000000', '73000000'],
  },
};

/** Sentences about the company itself, with {place}, {region}, {n} and {year} filled in. */
const GENERIC_FRAGMENTS = [
  'Vi holder til i {place} og har kunder i hele {region}.',
  'Selskapet har {n} ansatte og ble etablert i {year}.',
  'Siden {year} har vi levert til både private og offentlige kunder.',
  'Vi er et lite team med {n} ansatte og korte beslutningsveier.',
  'Hovedkontoret ligger i {place}.',
  'Vi deltar gjerne i konsortier med andre leverandører.',
  'Vi har rammeavtaler med flere kommuner.',
  'Selskapet er eid av de ansatte.',
];

const LARGE_COMPANY_FRAGMENTS = GENERIC_FRAGMENTS.filter((f) => !f.includes('lite team'));

const GENERALIST_FRAGMENTS = [
  'Vi er et tverrfaglig selskap som tar oppdrag fra forstudie til ferdig leveranse.',
  'Som generalister dekker vi mange fagområder og setter sammen team etter behov.',
  'Vi har et bredt fagmiljø og lang erfaring med store offentlige prosjekter.',
];

/** Domains that often meet in one company, used to pick a secondary domain. */
export const RELATED_DOMAINS: Record<Domain, Domain[]> = {
  mobility: ['energy', 'digital-services', 'safety'],
  energy: ['buildings-planning', 'mobility', 'environment'],
  environment: ['water-waste', 'digital-services', 'safety'],
  'health-welfare': ['digital-services', 'education'],
  education: ['digital-services', 'health-welfare'],
  'digital-services': ['business-development', 'health-welfare', 'education', 'mobility'],
  'water-waste': ['environment', 'buildings-planning', 'safety'],
  'buildings-planning': ['energy', 'water-waste', 'digital-services'],
  safety: ['digital-services', 'environment', 'water-waste'],
  'business-development': ['digital-services', 'environment'],
};

// ---------------------------------------------------------------------------------------------
// Company generation

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}

function makeName(rng: Rng, domain: Domain, place: string, taken: Set<string>): string {
  const sector = pick(rng, DOMAIN_VOCABULARY[domain].sectorWords);
  for (let attempt = 0; attempt < 6; attempt++) {
    const r = rng();
    let name: string;
    if (r < 0.3) name = `${place} ${sector} AS`;
    else if (r < 0.6) name = `${pick(rng, NAME_PREFIXES)}${pick(rng, NAME_SUFFIXES)} ${sector} AS`;
    else if (r < 0.8) name = `${pick(rng, SURNAMES)} ${sector} AS`;
    else if (r < 0.9) name = `${sector} ${pick(rng, REGION_NAMES)} AS`;
    else name = `${pick(rng, SURNAMES)} & ${pick(rng, SURNAMES)} ${sector} AS`;
    if (!taken.has(name)) return name;
  }
  // Fallback that is unique for all practical purposes: compound word + surname + sector.
  for (;;) {
    const name = `${pick(rng, NAME_PREFIXES)}${pick(rng, NAME_SUFFIXES)} ${pick(rng, SURNAMES)} ${sector} AS`;
    if (!taken.has(name)) return name;
  }
}

/** Evidently fictional towns (from Norwegian children's books and films, or plainly made up). */
const FICTIONAL_PLACES = ['Andeby', 'Flåklypa', 'Kardemomme', 'Lilleputt', 'Tusseby', 'Fantasia', 'Eventyrlund', 'Dukkeby', 'Sommerfuglvik', 'Trollstua', 'Huttiheita', 'Demoby'];
const REAL_PLACES = [...Object.values(LOCAL_PLACES).flat(), ...REGION_NAMES, ...OUTSIDE_CITIES].sort((a, b) => b.length - a.length);

/**
 * The name a generated company is shown with: real place names give way to fictional towns and «AS» to
 * «(demo)», so no name can be taken for a real firm's. Drawn after the generator's own name (which keeps the
 * random sequence, so descriptions, tags and codes stay exactly as before); unique among `taken`.
 */
export function demoName(generated: string, taken: Set<string>): string {
  let base = generated.replace(/ AS$/, '');
  REAL_PLACES.forEach((place) => {
    const i = [...place].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % FICTIONAL_PLACES.length;
    base = base.replace(new RegExp(`(^|\\s)${place}(?=\\s|$)`, 'u'), `$1${FICTIONAL_PLACES[i]}`);
  });
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : ` ${n}`} (demo)`;
    if (!taken.has(name)) return name;
  }
}

/** Draws 1–4 distinct CPV codes, mostly specific ones, sometimes a broad group/division code. */
function drawCpv(rng: Rng, vocab: DomainVocabulary, n: number, broadChance: number): string[] {
  const codes = pickDistinct(rng, vocab.cpvSpecific, n);
  if (rng() < broadChance) {
    const broad = pick(rng, vocab.cpvBroad);
    if (!codes.includes(broad)) {
      if (codes.length >= n) codes[codes.length - 1] = broad;
      else codes.push(broad);
    }
  }
  return codes;
}

/**
 * Demo organisation numbers from base 21000000 upwards, skipping bases with no valid check digit. Real
 * organisasjonsnummer begin with 8 or 9, so these (beginning with 2) can belong to no real entity.
 * infra/local/demo-renumbering.json maps the numbers used before (from 91000000) to these.
 */
function* orgNumbers(start = 21_000_000): Generator<string> {
  for (let n = start; n <= 79_999_999; n++) {
    const org = withCheckDigit(String(n));
    if (org) yield org;
  }
  throw new Error('ran out of organisation numbers');
}

export function generateCompanies(count: number, seed: number): GeneratedCompany[] {
  const rng = mulberry32(seed);
  const orgs = orgNumbers();
  const takenNames = new Set<string>();
  const shownNames = new Set<string>();
  const companies: GeneratedCompany[] = [];

  for (let i = 0; i < count; i++) {
    const primary = pick(rng, DOMAINS);
    const vocab = DOMAIN_VOCABULARY[primary];
    const kindRoll = rng();
    const generalist = kindRoll < 0.05;
    const crossDomain = !generalist && kindRoll < 0.22;
    const secondary = generalist || crossDomain ? pick(rng, RELATED_DOMAINS[primary]) : undefined;

    const local = rng() < 0.75;
    const municipalityCode = local ? pickMunicipalityCode(rng) : undefined;
    const place = municipalityCode ? pick(rng, LOCAL_PLACES[municipalityCode] ?? ['Østfold']) : pick(rng, OUTSIDE_CITIES);

    const sme = generalist ? rng() < 0.4 : rng() < 0.87;
    const capRoll = rng();
    const capacity = sme ? (capRoll < 0.2 ? 1 : capRoll < 0.85 ? 2 : 3) : capRoll < 0.1 ? 2 : 3;
    const employees = sme ? intBetween(rng, 3, 45) : intBetween(rng, 120, 2500);

    // Description: 2–4 sentences.
    const sentences = intBetween(rng, 2, 4);
    const parts: string[] = [];
    if (generalist) parts.push(pick(rng, GENERALIST_FRAGMENTS));
    const fromSecondary = secondary ? 1 : 0;
    const withGeneric = parts.length + fromSecondary < sentences && rng() < 0.45 ? 1 : 0;
    const fromPrimary = Math.max(1, sentences - parts.length - fromSecondary - withGeneric);
    parts.push(...pickDistinct(rng, vocab.fragments, fromPrimary));
    if (secondary) parts.push(pick(rng, DOMAIN_VOCABULARY[secondary].fragments));
    if (withGeneric) {
      parts.push(
        fill(pick(rng, sme ? GENERIC_FRAGMENTS : LARGE_COMPANY_FRAGMENTS), {
          place,
          region: municipalityCode ? pick(rng, REGION_NAMES.slice(0, 4)) : 'Norge',
          n: String(employees),
          year: String(intBetween(rng, 1978, 2023)),
        }),
      );
    }

    // Capabilities: 3–6 tags.
    const capCount = intBetween(rng, 3, 6);
    const capabilities = pickDistinct(rng, vocab.capabilities, secondary ? capCount - 1 : capCount);
    if (secondary) {
      const extra = pickDistinct(rng, DOMAIN_VOCABULARY[secondary].capabilities, 3).find((c) => !capabilities.includes(c));
      if (extra) capabilities.push(extra);
    }

    // CPV: 1–4 codes; generalists lean to broad codes.
    let cpvCodes: string[];
    if (generalist) {
      cpvCodes = [pick(rng, vocab.cpvBroad)];
      const second = pick(rng, DOMAIN_VOCABULARY[secondary!].cpvBroad);
      if (!cpvCodes.includes(second)) cpvCodes.push(second);
      const specific = pick(rng, vocab.cpvSpecific);
      if (!cpvCodes.includes(specific)) cpvCodes.push(specific);
    } else {
      cpvCodes = drawCpv(rng, vocab, intBetween(rng, 1, secondary ? 2 : 3), 0.3);
      if (secondary) {
        const extra = pick(rng, DOMAIN_VOCABULARY[secondary].cpvSpecific);
        if (!cpvCodes.includes(extra)) cpvCodes.push(extra);
      }
    }

    const name = makeName(rng, primary, place, takenNames);
    takenNames.add(name);
    const shownName = demoName(name, shownNames);
    shownNames.add(shownName);

    const company: GeneratedCompany = {
      orgNumber: orgs.next().value as string,
      name: shownName,
      description: parts.join(' '),
      capabilities,
      cpvCodes: cpvCodes.slice(0, 4),
      sme,
      capacity,
    };
    if (municipalityCode) company.municipalityCode = municipalityCode;
    companies.push(company);
  }
  return companies;
}
