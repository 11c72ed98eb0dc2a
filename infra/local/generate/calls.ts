/**
 * Deterministic generator of realistic (fictional) municipal innovation calls, for the matching benchmark.
 * Same `(count, seed, now)` always gives the same calls.
 */
import { MUNICIPALITIES } from '../../../shared/domain/municipalities.js';
import { isRdServicesCode } from '../../../shared/domain/cpv-code.js';
import { DOMAIN_LABELS, PROCEDURES, type Domain, type Procedure } from '../../../shared/domain/vocabulary.js';
import { DOMAIN_VOCABULARY, RELATED_DOMAINS, intBetween, mulberry32, pick, pickDistinct, pickMunicipalityCode, type Rng } from './companies.js';

export interface GeneratedCall {
  id: string;
  title: string;
  summary: string;
  description: string;
  domains: Domain[];
  cpvCodes: string[];
  municipalityCode: string;
  procedure: Procedure;
  deadline: string;
}

interface Need {
  title: string;
  summary: string;
  /** The sentence that says what the municipality wants. */
  need: string;
  cpv: string[];
}

const NEEDS: Record<Domain, Need[]> = {
  mobility: [
    { title: 'Bestillingsstyrt kollektivtransport', summary: 'Kollektivtilbud som kommer når innbyggerne trenger det.', need: 'Vi vil prøve ut bestillingsstyrt transport der innbyggerne bestiller tur i app eller på telefon og hentes nær hjemmet.', cpv: ['60112000', '48000000'] },
    { title: 'Tellepunkter for sykkel og gange', summary: 'Bedre data om hvor folk sykler og går.', need: 'Vi ønsker tellere for syklister og fotgjengere med data som oppdateres daglig og deles åpent.', cpv: ['38300000', '72316000'] },
    { title: 'Sensorbasert parkering', summary: 'Vise ledige parkeringsplasser i sanntid.', need: 'Vi trenger sensorer eller kamera som registrerer ledige plasser og deler data med innbyggerne.', cpv: ['38730000', '72212000'] },
    { title: 'Sanntidsinformasjon ved holdeplasser', summary: 'Skjermer og varsler som viser når bussen faktisk kommer.', need: 'Vi ønsker energieffektive skjermer ved holdeplasser som viser sanntid og avvik, også i lyd.', cpv: ['48813200', '30231300'] },
    { title: 'Delingsordning for elsykler', summary: 'Flere korte reiser på sykkel mellom tettstedene.', need: 'Vi vil prøve en delingsordning for elsykler med stasjoner ved kollektivknutepunkt.', cpv: ['34430000', '98351000'] },
    { title: 'Ruteoptimalisering for skoleskyss', summary: 'Kortere reisetid for elevene og færre tomme seter.', need: 'Vi søker verktøy som planlegger skoleskyss og tilrettelagt transport mer effektivt.', cpv: ['72212000', '60130000'] },
  ],
  energy: [
    { title: 'Behovsstyrt gatelys', summary: 'Gatelys som dimmes når ingen ferdes.', need: 'Vi ser etter behovsstyrt gatebelysning med fjernstyring, energimåling og åpne grensesnitt.', cpv: ['34993000', '31520000'] },
    { title: 'Solceller på kommunale tak', summary: 'Mer lokal fornybar energi på egne bygg.', need: 'Vi ønsker en partner som kartlegger egnede tak, leverer solcelleanlegg og kobler produksjonen mot forbruket.', cpv: ['09332000', '45261215'] },
    { title: 'Batterilager og effektstyring', summary: 'Kutte effekttopper i kommunale bygg.', need: 'Vi vil teste batterilager og styring av varme, ventilasjon og lading mot effekttariff.', cpv: ['31400000', '71314000'] },
    { title: 'Energioppfølging i kommunale bygg', summary: 'Redusere energibruken uten å svekke komforten.', need: 'Vi vil måle energibruk per bygg og system, finne avvik automatisk og få forslag til tiltak.', cpv: ['71314300', '38554000'] },
    { title: 'Lading av tjenestebiler', summary: 'Ladeinfrastruktur når bilparken blir elektrisk.', need: 'Vi trenger ladepunkter ved tjenestestedene og smart styring som hindrer effekttopper.', cpv: ['31158000', '45310000'] },
    { title: 'Overskuddsvarme til nærvarme', summary: 'Utnytte spillvarme fra industri og renseanlegg.', need: 'Vi ønsker å utrede og bygge et nærvarmenett som henter varme fra spillvarme og avløpsvann.', cpv: ['09323000', '42511110'] },
  ],
  environment: [
    { title: 'Luftkvalitet rundt skoler', summary: 'Lokale målinger av svevestøv og NO2.', need: 'Vi vil sette opp kalibrerte sensorer for luftkvalitet og støy ved skoler og trafikkårer.', cpv: ['38344000', '90731000'] },
    { title: 'Kartlegging av fremmede arter', summary: 'Finne og bekjempe fremmede arter tidlig.', need: 'Vi ønsker kartlegging av fremmede arter og en plan for tiltak som gir mest effekt.', cpv: ['90711000', '77300000'] },
    { title: 'Klimabudsjett som styringsverktøy', summary: 'Koble klimamålene til økonomiplanen.', need: 'Vi søker et verktøy for klimaregnskap og klimabudsjett som henter offentlige utslippsdata.', cpv: ['90713000', '48000000'] },
    { title: 'Marin forsøpling i skjærgården', summary: 'Rydde plast før den brytes ned.', need: 'Vi vil kartlegge marin forsøpling med droner og bildegjenkjenning og prioritere ryddeaksjoner.', cpv: ['90700000', '73110000'] },
    { title: 'Overvåking av badevann', summary: 'Vannkvalitet i sanntid ved badeplassene.', need: 'Vi vil måle bakterier og temperatur kontinuerlig og varsle innbyggerne ved dårlig vannkvalitet.', cpv: ['38430000', '90733000'] },
    { title: 'Naturregnskap for kommunen', summary: 'Oversikt over naturen vi har og naturen vi bygger ned.', need: 'Vi ønsker et naturregnskap som viser arealendringer og kan brukes i arealplanleggingen.', cpv: ['90711000', '71410000'] },
  ],
  'health-welfare': [
    { title: 'Digitalt nattilsyn', summary: 'Tryggere natt med færre forstyrrende tilsyn.', need: 'Vi vil ta i bruk digitalt tilsyn med sensorer som varsler fall og uro og er integrert med journalsystemet.', cpv: ['33190000', '48180000'] },
    { title: 'Hverdagsrehabilitering med digital trening', summary: 'Eldre skal holde seg sterke hjemme.', need: 'Vi søker treningsopplegg for hjemmet som fysioterapeuter kan følge opp digitalt.', cpv: ['48180000', '85142100'] },
    { title: 'Mindre ensomhet blant eldre', summary: 'Flere møtepunkter mellom eldre, pårørende og frivillige.', need: 'Vi ønsker løsninger som gjør det enkelt å holde kontakt og som kobler eldre med frivillige.', cpv: ['85300000', '48500000'] },
    { title: 'Digital legemiddelhåndtering', summary: 'Riktig medisin til riktig tid for hjemmeboende.', need: 'Vi vil prøve medisindispensere som varsler når en dose ikke er tatt.', cpv: ['33190000', '85300000'] },
    { title: 'Responssenter for velferdsteknologi', summary: 'Én vei inn for alle alarmer og varsler.', need: 'Vi trenger et responssenter som tar imot alarmer fra ulike leverandører døgnet rundt.', cpv: ['79711000', '85300000'] },
    { title: 'Digital hjemmeoppfølging', summary: 'Oppfølging av kronisk syke uten unødvendige besøk.', need: 'Vi søker løsninger for digital hjemmeoppfølging der brukeren måler selv og helsepersonell følger med.', cpv: ['48180000', '85100000'] },
  ],
  education: [
    { title: 'Tilpasset opplæring i matematikk', summary: 'Læremidler som møter hver elev på riktig nivå.', need: 'Vi søker digitale læremidler som tilpasser oppgavene og gir lærerne innsikt.', cpv: ['48190000', '80100000'] },
    { title: 'Lese- og skrivestøtte for alle elever', summary: 'Tidlig hjelp til elever med lese- og skrivevansker.', need: 'Vi vil gi alle elever digital lese- og skrivestøtte og styrke lærernes kompetanse i kartlegging.', cpv: ['48190000', '80340000'] },
    { title: 'Digital norskopplæring for voksne', summary: 'Norskopplæring tilpasset den enkelte.', need: 'Vi søker en læringsplattform for voksenopplæring som tilpasser oppgaver til nivå og språk.', cpv: ['80400000', '48000000'] },
    { title: 'Programmering i skolen', summary: 'Lærere som er trygge på programmering og algoritmisk tenkning.', need: 'Vi ønsker kompetanseheving for lærere og opplegg som kan brukes direkte i undervisningen.', cpv: ['80500000', '48190000'] },
    { title: 'Inneklima i klasserommet', summary: 'Bedre luft og læring med sensorer og styring.', need: 'Vi vil måle CO2 og temperatur i klasserom og bruke dataene både i driften og i undervisningen.', cpv: ['38432000', '42520000'] },
    { title: 'Samhandling rundt barn og unge', summary: 'Tidlig innsats når tjenestene jobber sammen.', need: 'Vi søker en digital løsning for tverrfaglig samarbeid der tiltak og avtaler følger barnet.', cpv: ['48000000', '72200000'] },
  ],
  'digital-services': [
    { title: 'KI-assistent for innbyggerhenvendelser', summary: 'Raskere svar på kveldstid og i helger.', need: 'Vi vil prøve en språkmodellbasert assistent som svarer ut fra kommunens egne sider.', cpv: ['72212000', '48000000'] },
    { title: 'Selvbetjening for byggesøknader', summary: 'Enklere vei fra idé til byggetillatelse.', need: 'Vi vil teste en veiviser som hjelper innbyggere å sende komplette søknader.', cpv: ['72000000', '48200000'] },
    { title: 'Felles dataplattform', summary: 'Data fra fagsystemene samlet og tilgjengelige.', need: 'Vi ønsker en dataplattform med åpne API-er som gjør data fra fagsystemene gjenbrukbare.', cpv: ['72300000', '72200000'] },
    { title: 'Digital postkasse for innbyggerdialog', summary: 'All kommunikasjon med innbyggerne på ett sted.', need: 'Vi søker en løsning som samler henvendelser fra ulike kanaler og fordeler dem til riktig tjeneste.', cpv: ['48500000', '72212000'] },
    { title: 'Automatisering av saksbehandling', summary: 'Mindre manuelt arbeid i enkle søknader.', need: 'Vi vil automatisere behandling av standardsøknader med regelmotor og integrasjon mot sak/arkiv.', cpv: ['72212000', '72300000'] },
    { title: 'Universelt utformede nettsider', summary: 'Nettsider alle innbyggere kan bruke.', need: 'Vi trenger hjelp til å gjøre nettsider og skjema universelt utformet og brukertestet.', cpv: ['72400000', '72000000'] },
  ],
  'water-waste': [
    { title: 'Lekkasjereduksjon i vannledningsnettet', summary: 'Halvere lekkasjetapet.', need: 'Vi ønsker sonemåling, lekkasjesøk og analyser som prioriterer fornyelse av nettet.', cpv: ['38421000', '71800000'] },
    { title: 'Fyllingssensorer i avfallscontainere', summary: 'Tømme når containerne er fulle.', need: 'Vi ønsker sensorer som måler fyllingsgrad og en tjeneste for ruteoptimalisering.', cpv: ['90500000', '72212000'] },
    { title: 'Smartere drift av renseanlegg', summary: 'Lavere energibruk og jevnere rensing.', need: 'Vi vil prøve sensorer og modellbasert styring av lufting og kjemikaliedosering.', cpv: ['90420000', '38800000'] },
    { title: 'Ombruk av byggematerialer', summary: 'Mindre avfall når gamle bygg rives.', need: 'Vi vil kartlegge og demontere ombrukbare materialer og sørge for at de brukes igjen.', cpv: ['90500000', '45111100'] },
    { title: 'Overvann og flomveier', summary: 'Forberede sentrum på mer ekstremnedbør.', need: 'Vi vil overvåke kritiske punkter i overvannsnettet og få varsel før det flommer over.', cpv: ['90400000', '71800000'] },
    { title: 'Smarte vannmålere', summary: 'Fjernavlesning og tidlig varsel om lekkasjer hos abonnentene.', need: 'Vi søker fjernavleste vannmålere som varsler lekkasjer og gir innbyggerne innsikt i forbruket.', cpv: ['38421100', '65500000'] },
  ],
  'buildings-planning': [
    { title: 'Digital tvilling for områderegulering', summary: 'En 3D-modell som gjør planforslag lette å forstå.', need: 'Vi ønsker en digital tvilling som kobler kartdata, bygg og planforslag og kan simulere sol og støy.', cpv: ['71410000', '71354000'] },
    { title: 'Tilstandsbasert vedlikehold', summary: 'Fra akutte reparasjoner til planlagt vedlikehold.', need: 'Vi vil overvåke tekniske anlegg med sensorer og prioritere vedlikeholdsplanen etter risiko.', cpv: ['50700000', '38500000'] },
    { title: 'Klimavennlig rehabilitering av skole', summary: 'Rehabilitere i stedet for å rive.', need: 'Vi søker løsninger for rehabilitering med lavt klimaavtrykk, godt inneklima og ombruk.', cpv: ['45453000', '71200000'] },
    { title: 'Digital medvirkning i planarbeid', summary: 'Flere stemmer i planleggingen.', need: 'Vi vil prøve digitale verktøy for medvirkning der innbyggere kan se og kommentere planforslag i kart.', cpv: ['71410000', '72212000'] },
    { title: 'Felles driftsløsning for SD-anlegg', summary: 'Én oversikt over tekniske anlegg i alle bygg.', need: 'Vi ønsker å samle eldre SD-anlegg i én driftsløsning med åpne protokoller.', cpv: ['42961000', '50700000'] },
    { title: 'Arealbruk i sentrum', summary: 'Bedre kunnskap om hvordan sentrum brukes.', need: 'Vi vil kartlegge bruk av byrom og lokaler for å planlegge fortetting og nye møteplasser.', cpv: ['71410000', '79300000'] },
  ],
  safety: [
    { title: 'Tidlig varsling av skogbrann', summary: 'Oppdage skogbrann før den sprer seg.', need: 'Vi vil teste kamera med bildeanalyse eller droner og rask varsling med presis posisjon.', cpv: ['35110000', '34711200'] },
    { title: 'Varsling av innbyggere ved kriser', summary: 'Nå alle i et berørt område raskt.', need: 'Vi ønsker lokasjonsbasert varsling på SMS og app med maler på flere språk.', cpv: ['48000000', '64200000'] },
    { title: 'Trygg skolevei', summary: 'Færre farlige situasjoner ved skolene.', need: 'Vi vil måle fart og kartlegge nesten-ulykker ved gangfelt og teste tiltak som fartsvisning.', cpv: ['34996000', '71311000'] },
    { title: 'Helhetlig ROS-analyse', summary: 'Oppdatert kunnskap om risiko og sårbarhet.', need: 'Vi søker støtte til ny helhetlig ROS-analyse og øvelser for kriseledelsen.', cpv: ['79417000', '71317200'] },
    { title: 'Flomvarsling for vassdrag', summary: 'Mer tid til å handle når vannet stiger.', need: 'Vi trenger sensorer i utsatte vassdrag og en varslingstjeneste for beredskapen.', cpv: ['38290000', '32441000'] },
    { title: 'Trygge byrom om kvelden', summary: 'Økt trygghet uten mer overvåking.', need: 'Vi vil prøve løsninger som gir økt opplevd trygghet i sentrum uten å samle persondata.', cpv: ['31520000', '35120000'] },
  ],
  'business-development': [
    { title: 'Digital veiviser for nye bedrifter', summary: 'Gjøre det enkelt å starte bedrift.', need: 'Vi ønsker en digital veiviser som forklarer selskapsform, registrering og lokale tillatelser.', cpv: ['79400000', '72400000'] },
    { title: 'Kortreist mat i kommunale kjøkken', summary: 'Mer lokal mat i skoler og sykehjem.', need: 'Vi søker samordnet bestilling og distribusjon av lokal mat til kommunale kjøkken.', cpv: ['15000000', '55520000'] },
    { title: 'Besøksstrømmer i reiselivet', summary: 'Kunnskap om når og hvor turistene kommer.', need: 'Vi vil ha anonymiserte data om besøksstrømmer gjennom sesongen.', cpv: ['79300000', '72316000'] },
    { title: 'Næringsarealer på kart', summary: 'Ledige næringsarealer lette å finne.', need: 'Vi vil tilby et oppdatert kart over ledige næringsarealer med regulering og infrastruktur.', cpv: ['71354100', '72300000'] },
    { title: 'Mentorprogram for gründere', summary: 'Flere nye bedrifter som overlever de første årene.', need: 'Vi søker aktører som kan drive et mentorprogram for gründere i regionen.', cpv: ['79410000', '79400000'] },
    { title: 'Innovative anskaffelser i små kommuner', summary: 'Små kommuner som kjøper smartere sammen.', need: 'Vi ønsker bistand til markedsdialog og felles innovative anskaffelser med nabokommunene.', cpv: ['79400000', '79411000'] },
  ],
};

const CONTEXT = [
  'I {kommune} kommune ser vi at dagens løsning ikke holder mål.',
  '{kommune} kommune har satt seg ambisiøse mål for bærekraft og innovasjon.',
  'Innbyggerne i {kommune} har etterspurt bedre tjenester på dette området.',
  'Kommunen vokser, og vi må levere mer med de samme ressursene.',
  'Erfaringer fra andre kommuner viser at ny teknologi kan gi store gevinster her.',
  'Dette er et prioritert område i kommuneplanen for {kommune}.',
];

const REQUIREMENTS = [
  'Løsningen må være universelt utformet og ivareta personvernet.',
  'Data skal deles åpent der det er mulig, og løsningen må ha åpne grensesnitt.',
  'Vi ønsker å starte med en avgrenset pilot og skalere om den gir effekt.',
  'Gevinstene skal måles og deles med andre kommuner i regionen.',
  'Vi ønsker gjerne tilbud fra konsortier der små og store aktører samarbeider.',
  'Løsningen må kunne integreres med kommunens eksisterende systemer.',
  'Ansatte og innbyggere skal involveres gjennom hele prosjektet.',
];

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** ULID-like id: 10 characters of time (ms) and 16 characters from the seeded PRNG, Crockford base32. */
function ulidLike(timeMs: number, rng: Rng): string {
  let time = '';
  let t = Math.max(0, Math.floor(timeMs));
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  let rand = '';
  for (let i = 0; i < 16; i++) rand += CROCKFORD[Math.floor(rng() * 32)]!;
  return time + rand;
}

const DAY_MS = 86_400_000;

/** One sentence about the secondary domain: a reworded company fragment ("Vi har …" → "… om leverandøren har …") or a plain wish. */
function secondarySentence(rng: Rng, domain: Domain): string {
  const fragment = pick(rng, DOMAIN_VOCABULARY[domain].fragments);
  if (fragment.startsWith('Vi ') && !/\bvår(e)?\b/.test(fragment)) {
    return `Det er en fordel om leverandøren ${fragment.slice(3)}`;
  }
  return `Vi ser gjerne at løsningen også bidrar innen ${DOMAIN_LABELS[domain].nb.toLowerCase()}.`;
}

export function generateCalls(count: number, seed: number, now: Date): GeneratedCall[] {
  const rng = mulberry32(seed ^ 0x5eed_ca11);
  const domainsList = Object.keys(NEEDS) as Domain[];
  const nowMs = now.getTime();
  const calls: GeneratedCall[] = [];

  for (let i = 0; i < count; i++) {
    const primary = pick(rng, domainsList);
    const need = pick(rng, NEEDS[primary]);
    const secondary = rng() < 0.35 ? pick(rng, RELATED_DOMAINS[primary]) : undefined;
    const domains: Domain[] = secondary ? [primary, secondary] : [primary];

    const cpvCodes = pickDistinct(rng, need.cpv, intBetween(rng, 1, need.cpv.length));
    if (secondary && cpvCodes.length < 3 && rng() < 0.5) {
      const extra = pick(rng, DOMAIN_VOCABULARY[secondary].cpvSpecific);
      if (!cpvCodes.includes(extra)) cpvCodes.push(extra);
    }

    const municipalityCode = pickMunicipalityCode(rng);
    const kommune = MUNICIPALITIES.find((m) => m.code === municipalityCode)?.name ?? 'Østfold';
    const title = rng() < 0.25 ? `${need.title} i ${kommune}` : need.title;

    const sentences = [pick(rng, CONTEXT).replaceAll('{kommune}', kommune), need.need];
    sentences.push(...pickDistinct(rng, REQUIREMENTS, intBetween(rng, 1, 2)));
    if (secondary && rng() < 0.6) sentences.splice(2, 0, secondarySentence(rng, secondary));

    // Created within the last 30 days, ordered by index; deadline 7–90 days ahead at noon UTC.
    const createdMs = nowMs - (count - i) * 3_600_000 - Math.floor(rng() * 3_600_000);
    const id = ulidLike(createdMs, rng);
    const deadlineDay = Math.floor(nowMs / DAY_MS) + intBetween(rng, 7, 90);
    const deadline = new Date(deadlineDay * DAY_MS + 12 * 3_600_000).toISOString();

    const procedure = pick(rng, PROCEDURES);
    // A pre-commercial procurement buys R&D services: it carries an R&D code (no draw, so the sequence is unchanged).
    if (procedure === 'pre-commercial' && !cpvCodes.some(isRdServicesCode)) {
      if (cpvCodes.length >= 3) cpvCodes.pop();
      cpvCodes.unshift('73120000');
    }

    calls.push({
      id,
      title,
      summary: need.summary,
      description: sentences.join(' '),
      domains,
      cpvCodes,
      municipalityCode,
      procedure,
      deadline,
    });
  }
  return calls;
}
