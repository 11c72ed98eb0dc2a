/**
 * The word list the compound splitter reads (`compounds.ts`): Norwegian (bokmål) base words, mostly
 * nouns and verb stems, that occur as parts of the compounds municipal calls and company profiles use
 * («fyllingssensor» = fylling + s + sensor, «overvannsnett» = overvann + s + nett). Written by hand for
 * the programme's ten domains and general public-sector language; not taken from any evaluation set.
 *
 * A word belongs here when it is a meaningful part on its own. Very short parts (under three letters)
 * are left out on purpose: they split too much («el», «ki» are handled as whole words elsewhere).
 * Keep it sorted loosely by theme; duplicates are harmless.
 */
const WORDS = `
  avfall beholder container konteiner søppel spann dunk kasse sekk pose rest restavfall matavfall plast papir
  glass metall tekstil klær møbel møbler ombruk gjenbruk bruk bruke brukt gjenvinning vinning sortering sorter
  innsamling samling tømming tømme rute ruter kjøring kjøre bil biler lastebil renovasjon fylling fylle grad
  nivå måler måling måle sensor teller telling stasjon mottak depot lager materiale materialer riving rive
  bygg bygge bygning byggverk hus bolig skole barnehage sykehjem hage park plass torg gate vei veg fortau
  gang sykkel syklist sti bru tunnel kryss holdeplass stopp buss tog båt ferje fly trafikk transport
  kollektiv rutebuss skyss bestilling tur reise pendler parkering lading lade ladepunkt punkt stolpe lys
  lampe belysning strøm energi kraft effekt sol solcelle celle vind varme kulde kjøle pumpe fjern nett
  nettverk batteri tak vegg vindu dør lås adgang kontroll tilgang nøkkel kort kamera video alarm varsel
  varsling varsle melding beskjed sms app web nett side portal plattform tjeneste tjenester system løsning
  program programvare data database register arkiv sak dokument skjema søknad analyse modell tvilling kart
  karte kartlegging landmåling måling oppmåling plan planlegging regulering reguleringsplan eiendom tomt
  areal område sone grense kyst strand sjø hav fjord elv bekk innsjø vann avløp overvann spillvann
  ledning rør kum pumpestasjon renseanlegg rensing anlegg verk lekkasje lekk brudd flom regn nedbør
  snø is frost storm vær klima miljø natur art arter skog tre trær jord luft støy støv kvalitet utslipp
  forurensning gift kjemikalie hydrologi geologi grunn skred ras fare risiko sikkerhet beredskap krise
  brann røyk slukking vakt politi redning helse omsorg pleie hjem hjemme tjenesten tilsyn trygghet
  medisin dispenser fall sengs seng pasient bruker beboer pårørende lege sykepleier terapi rehabilitering
  trening aktivitet eldre barn unge ungdom elev elever lærer lærere skolen undervisning læring lære
  læremiddel lese skrive språk norsk tale lyd syn hørsel bibliotek bok bøker utlån lån selvbetjening
  betjening åpning åpen åpent mer kultur idrett hall svømme basseng arrangement besøk besøkende
  turisme reiseliv mat kjøkken måltid matsvinn svinn handel butikk marked næring bedrift gründer
  innovasjon utvikling forretning rådgivning råd veiledning kurs opplæring kompetanse regnskap lønn
  økonomi budsjett innkjøp anskaffelse kontrakt avtale leverandør kunde innbygger innbyggere ansatt
  ansatte drift vedlikehold service reparasjon inspeksjon tilstand vurdering oppfølging rapport
  rapportering statistikk tall måned dag døgn natt uke år tid sanntid sann
  robot drone droner kunstig intelligens assistent chat bot prat svar spørsmål henvendelse
  sentral senter kontor rom sal møte møterom booking reservasjon kalender utstyr verktøy maskin
  motor kjøretøy flåte elbil hydrogen biogass gass diesel bensin drivstoff lading
  vinter sommer høst vår brøyte brøyting strøing salt sand glatt glatthet føre
  grønn blå grå tak hage planter plante blomst insekt bie fugl fisk dyr vilt beite
  tilpasning tiltak prosjekt pilot test forsøk utprøving evaluering gevinst effekt nytte kostnad pris
  trafikk sikker sikring skilt signal lyskryss fartsdemper fart hastighet
  lys gate gatelys styring styre automasjon automatisk fjernstyring
  demens rus psykisk psykiatri barnevern nav sosial kontakt ensomhet frivillig frivillighet
  vask renhold rengjøring hygiene smitte vaksine
  ventilasjon inneklima temperatur fukt mugg radon
  koding kode programmering digital digitalisering nettside nettsted
  hender hånd fot kropp hjerne hjerte
  folk befolkning samfunn kommune fylke region stat land by bygd sentrum
  vare varer levering leveranse logistikk frakt post pakke
  ord tekst bilde film foto lydbok
  post tilskudd støtte finansiering investering
  melk kjøtt grønnsak frukt bær korn
  legemiddel legemidler medisiner
  miljødata sensordata åpne
  overvåking overvåkning
  måler målere strømmåler vannmåler
  arbeid arbeids jobb
  informasjon kommunikasjon optimalisering infrastruktur teknologi velferd design søk rense kilde
  mønster tjeneste selv betjening leder ledelse utstyr tavle skjerm visning veileder plattformen
  kart modell prediksjon prognose varme vern brannvern vakt sentral respons stell hjelp middel midler
  tjenestedesign brukerreise bruker reise vane vaner plan planer strategi mål målinger nøkkeltall
  innsikt oversikt dashbord sky drift sikring bygning bygg fasade isolasjon vindu oppvarming
  kjøling luft luftkvalitet vannkvalitet kvalitet fornyelse rehabilitering hoved hovedplan
  elev skrive lese støtte opplæring voksen norsk skole klasse rom time
  hjemme tjeneste tjenester alarm trygghet dispenser spill spillbasert basert
  sjåfør passasjer fotgjenger syklister gående sikt belte
  felt område felter grøft kulvert stikkrenne dam demning magasin basseng
  vegetasjon tre busk gress lyng myr våtmark
  turist besøks strøm strømmer teller tellere
  sak saker behandling vedtak søknader tilbud
  skann skanning lidar radar satellitt bilde bilder analyse
  lokal produsent produsenter grossist dagligvare
  kjøp salg utleie leie deling bildeling sykkeldeling
  taxi drosje minibuss ferge kai havn
  vei veier veilys belysning gatelys
  fart kontroll måler
  pasient journal journalsystem
  matvare matvarer rester
  nabolag grend løsning løsninger tjenester veg vegen rute ruter
  håndtering styrt ordning ordninger operatør tekniker topp topper tariff forebygging hverdag integrasjon
  kjemikalie dosering klynge klynger mobilitet mikro prosess foreldre fleksibilitet tap lete holde knutepunkt
  effektiv spesial pedagogikk referanse undersøkelse syntese konsekvens penetrasjon ramme avtale designer
  transformasjon sesong forslag resultat tilknytning gjenkjenning bemannet kjøkken gård skjær vesen vekst
  bærekraft veileder veiledning veilede etablerer prediksjon nettverk programvare barnehage solcelle
  portal inventar filial filialer utlån ombygging riving innbygger henvendelse henvendelser hydrologisk
  ekstremvær styrtregn kjeller kjellere fordrøyning dam sluk kum kummer rist
`;

/** The base words, lower-cased. */
export const LEXICON: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w.length >= 3));
