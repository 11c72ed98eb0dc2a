/**
 * CPV 2008 vocabulary. Codes are stored as 8 digits without the check digit (as eForms and OCDS do).
 * Labels ship for the 45 divisions and for the groups smart-city calls use; any well-formed code is
 * accepted and described by its nearest labelled ancestor.
 */
type Label = { nb: string; en: string };

export const CPV_DIVISIONS: Record<string, Label> = {
  '03': { nb: 'Landbruks-, jordbruks-, fiskeri- og skogbruksprodukter', en: 'Agricultural, farming, fishing, forestry and related products' },
  '09': { nb: 'Petroleumsprodukter, brensel, elektrisitet og andre energikilder', en: 'Petroleum products, fuel, electricity and other sources of energy' },
  '14': { nb: 'Bergverksprodukter, uedle metaller og tilknyttede produkter', en: 'Mining, basic metals and related products' },
  '15': { nb: 'Næringsmidler, drikkevarer, tobakk og tilknyttede produkter', en: 'Food, beverages, tobacco and related products' },
  '16': { nb: 'Landbruksmaskiner', en: 'Agricultural machinery' },
  '18': { nb: 'Klær, fottøy, reiseartikler og tilbehør', en: 'Clothing, footwear, luggage articles and accessories' },
  '19': { nb: 'Lær- og tekstilstoffer, plast- og gummimaterialer', en: 'Leather and textile fabrics, plastic and rubber materials' },
  '22': { nb: 'Trykksaker og tilknyttede produkter', en: 'Printed matter and related products' },
  '24': { nb: 'Kjemiske produkter', en: 'Chemical products' },
  '30': { nb: 'Kontor- og datamaskiner, utstyr og rekvisita unntatt møbler og programvare', en: 'Office and computing machinery, equipment and supplies except furniture and software packages' },
  '31': { nb: 'Elektriske maskiner, apparater, utstyr og forbruksvarer; belysning', en: 'Electrical machinery, apparatus, equipment and consumables; lighting' },
  '32': { nb: 'Radio, fjernsyn, kommunikasjon, telekommunikasjon og tilknyttet utstyr', en: 'Radio, television, communication, telecommunication and related equipment' },
  '33': { nb: 'Medisinsk utstyr, legemidler og produkter for personlig pleie', en: 'Medical equipments, pharmaceuticals and personal care products' },
  '34': { nb: 'Transportutstyr og hjelpeprodukter til transport', en: 'Transport equipment and auxiliary products to transportation' },
  '35': { nb: 'Sikkerhets-, brannslukkings-, politi- og forsvarsutstyr', en: 'Security, fire-fighting, police and defence equipment' },
  '37': { nb: 'Musikkinstrumenter, sportsartikler, spill, leker, håndverks- og kunstmateriell', en: 'Musical instruments, sport goods, games, toys, handicraft, art materials and accessories' },
  '38': { nb: 'Laboratorieutstyr, optisk utstyr og presisjonsutstyr (unntatt briller)', en: 'Laboratory, optical and precision equipments (excl. glasses)' },
  '39': { nb: 'Møbler, innredning, husholdningsapparater og rengjøringsprodukter', en: 'Furniture (incl. office furniture), furnishings, domestic appliances (excl. lighting) and cleaning products' },
  '41': { nb: 'Oppsamlet og renset vann', en: 'Collected and purified water' },
  '42': { nb: 'Industrimaskiner', en: 'Industrial machinery' },
  '43': { nb: 'Maskiner for gruvedrift, steinbrudd og anleggsutstyr', en: 'Machinery for mining, quarrying, construction equipment' },
  '44': { nb: 'Konstruksjoner og byggematerialer; hjelpeprodukter til bygging', en: 'Construction structures and materials; auxiliary products to construction (except electric apparatus)' },
  '45': { nb: 'Bygge- og anleggsarbeid', en: 'Construction work' },
  '48': { nb: 'Programvarepakker og informasjonssystemer', en: 'Software package and information systems' },
  '50': { nb: 'Reparasjons- og vedlikeholdstjenester', en: 'Repair and maintenance services' },
  '51': { nb: 'Installasjonstjenester (unntatt programvare)', en: 'Installation services (except software)' },
  '55': { nb: 'Hotell-, restaurant- og detaljhandelstjenester', en: 'Hotel, restaurant and retail trade services' },
  '60': { nb: 'Transporttjenester (unntatt avfallstransport)', en: 'Transport services (excl. waste transport)' },
  '63': { nb: 'Støtte- og hjelpetjenester for transport; reisebyråtjenester', en: 'Supporting and auxiliary transport services; travel agencies services' },
  '64': { nb: 'Post- og telekommunikasjonstjenester', en: 'Postal and telecommunications services' },
  '65': { nb: 'Offentlige forsyningstjenester', en: 'Public utilities' },
  '66': { nb: 'Finans- og forsikringstjenester', en: 'Financial and insurance services' },
  '70': { nb: 'Eiendomstjenester', en: 'Real estate services' },
  '71': { nb: 'Arkitekt-, bygge-, ingeniør- og inspeksjonstjenester', en: 'Architectural, construction, engineering and inspection services' },
  '72': { nb: 'IT-tjenester: rådgivning, programvareutvikling, Internett og støtte', en: 'IT services: consulting, software development, Internet and support' },
  '73': { nb: 'Forsknings- og utviklingstjenester og tilknyttet rådgivning', en: 'Research and development services and related consultancy services' },
  '75': { nb: 'Administrasjons-, forsvars- og trygdetjenester', en: 'Administration, defence and social security services' },
  '76': { nb: 'Tjenester knyttet til olje- og gassindustrien', en: 'Services related to the oil and gas industry' },
  '77': { nb: 'Landbruks-, skogbruks-, hagebruks-, akvakultur- og birøktertjenester', en: 'Agricultural, forestry, horticultural, aquacultural and apicultural services' },
  '79': { nb: 'Forretningstjenester: juss, markedsføring, rådgivning, rekruttering, trykking og sikkerhet', en: 'Business services: law, marketing, consulting, recruitment, printing and security' },
  '80': { nb: 'Undervisnings- og opplæringstjenester', en: 'Education and training services' },
  '85': { nb: 'Helse- og sosialtjenester', en: 'Health and social work services' },
  '90': { nb: 'Avløps-, renovasjons-, rengjørings- og miljøtjenester', en: 'Sewage, refuse, cleaning and environmental services' },
  '92': { nb: 'Fritids-, kultur- og sportstjenester', en: 'Recreational, cultural and sporting services' },
  '98': { nb: 'Andre samfunnsmessige, sosiale og personlige tjenester', en: 'Other community, social and personal services' },
};

/** Groups (three significant digits) that smart-city innovation calls commonly use. */
export const CPV_GROUPS: Record<string, Label> = {
  '092': { nb: 'Petroleum, kull og oljeprodukter', en: 'Petroleum, coal and oil products' },
  '093': { nb: 'Elektrisitet, oppvarming, sol- og kjernekraft', en: 'Electricity, heating, solar and nuclear energy' },
  '302': { nb: 'Datautstyr og rekvisita', en: 'Computer equipment and supplies' },
  '311': { nb: 'Elektriske motorer, generatorer og transformatorer', en: 'Electric motors, generators and transformers' },
  '314': { nb: 'Akkumulatorer, primærceller og batterier', en: 'Accumulators, primary cells and primary batteries' },
  '315': { nb: 'Belysningsutstyr og elektriske lamper', en: 'Lighting equipment and electric lamps' },
  '316': { nb: 'Elektrisk utstyr og apparater', en: 'Electrical equipment and apparatus' },
  '323': { nb: 'Fjernsyns- og radiomottakere og lyd- og bildeutstyr', en: 'Television and radio receivers, and sound or video recording apparatus' },
  '324': { nb: 'Nettverk', en: 'Networks' },
  '325': { nb: 'Telekommunikasjonsutstyr', en: 'Telecommunications equipment and supplies' },
  '331': { nb: 'Medisinsk utstyr', en: 'Medical equipments' },
  '341': { nb: 'Motorvogner', en: 'Motor vehicles' },
  '344': { nb: 'Motorsykler, sykler og sidevogner', en: 'Motorcycles, bicycles and sidecars' },
  '349': { nb: 'Diverse transportutstyr og reservedeler', en: 'Miscellaneous transport equipment and spare parts' },
  '351': { nb: 'Nød- og sikkerhetsutstyr', en: 'Emergency and security equipment' },
  '354': { nb: 'Militære kjøretøy og tilhørende deler', en: 'Military vehicles and associated parts' },
  '384': { nb: 'Instrumenter for kontroll av fysiske egenskaper', en: 'Instruments for checking physical characteristics' },
  '385': { nb: 'Kontroll- og testapparater', en: 'Checking and testing apparatus' },
  '386': { nb: 'Optiske instrumenter', en: 'Optical instruments' },
  '387': { nb: 'Tidsregistrerings- og tidsmålingsutstyr', en: 'Time registers and the like; parking meters' },
  '388': { nb: 'Industrielt prosesskontrollutstyr og fjernstyringsutstyr', en: 'Industrial process control equipment and remote-control equipment' },
  '391': { nb: 'Møbler', en: 'Furniture' },
  '427': { nb: 'Maskiner for tekstil-, klær- og lærproduksjon', en: 'Machinery for textile, apparel and leather production' },
  '431': { nb: 'Gruve- og tunnelutstyr', en: 'Mining equipment' },
  '441': { nb: 'Byggematerialer og tilknyttede produkter', en: 'Construction materials and associated items' },
  '442': { nb: 'Konstruksjonsprodukter', en: 'Structural products' },
  '451': { nb: 'Klargjøring av byggeplass', en: 'Site preparation work' },
  '452': { nb: 'Bygge- og anleggsarbeid for komplette eller deler av bygg og anlegg', en: 'Works for complete or part construction and civil engineering work' },
  '453': { nb: 'Bygningsinstallasjonsarbeid', en: 'Building installation work' },
  '454': { nb: 'Ferdigstillelsesarbeid for bygninger', en: 'Building completion work' },
  '482': { nb: 'Programvare for nettverk, Internett og intranett', en: 'Networking, Internet and intranet software package' },
  '483': { nb: 'Programvare for dokumenthåndtering', en: 'Document creation, drawing, imaging, scheduling and productivity software package' },
  '484': { nb: 'Programvare for forretningstransaksjoner og personlige formål', en: 'Business transaction and personal business software package' },
  '485': { nb: 'Programvare for kommunikasjon og multimedia', en: 'Communication and multimedia software package' },
  '486': { nb: 'Programvare for database og operativsystemer', en: 'Database and operating software package' },
  '487': { nb: 'Programvareverktøy', en: 'Software package utilities' },
  '488': { nb: 'Informasjonssystemer og servere', en: 'Information systems and servers' },
  '489': { nb: 'Diverse programvarepakker og datasystemer', en: 'Miscellaneous software package and computer systems' },
  '503': { nb: 'Reparasjon og vedlikehold av kontor-, IT- og telekomutstyr', en: 'Repair, maintenance and associated services related to personal computers, office equipment, telecommunications and audio-visual equipment' },
  '507': { nb: 'Reparasjon og vedlikehold av bygningsinstallasjoner', en: 'Repair and maintenance services of building installations' },
  '513': { nb: 'Installasjon av kommunikasjonsutstyr', en: 'Installation services of communications equipment' },
  '601': { nb: 'Veitransport', en: 'Road transport services' },
  '631': { nb: 'Godshåndtering og lagring', en: 'Cargo handling and storage services' },
  '637': { nb: 'Støttetjenester for land-, sjø- og lufttransport', en: 'Support services for land, water and air transport' },
  '642': { nb: 'Telekommunikasjonstjenester', en: 'Telecommunications services' },
  '651': { nb: 'Vannforsyning', en: 'Water distribution and related services' },
  '653': { nb: 'Elektrisitetsforsyning og tilknyttede tjenester', en: 'Electricity distribution and related services' },
  '654': { nb: 'Andre energikilder, forsyning og distribusjon', en: 'Other sources of energy supplies and distribution' },
  '713': { nb: 'Ingeniørtjenester', en: 'Engineering services' },
  '714': { nb: 'Byplanlegging og landskapsarkitektur', en: 'Urban planning and landscape architectural services' },
  '715': { nb: 'Tjenester knyttet til bygg og anlegg', en: 'Construction-related services' },
  '716': { nb: 'Teknisk prøving, analyse og rådgivning', en: 'Technical testing, analysis and consultancy services' },
  '717': { nb: 'Overvåkings- og kontrolltjenester', en: 'Monitoring and control services' },
  '718': { nb: 'Rådgivning om vannforsyning og avfall', en: 'Consultancy services for water-supply and waste consultancy' },
  '721': { nb: 'Rådgivning om maskinvare', en: 'Hardware consultancy services' },
  '722': { nb: 'Programvareutvikling og rådgivning', en: 'Software programming and consultancy services' },
  '723': { nb: 'Datatjenester', en: 'Data services' },
  '724': { nb: 'Internett-tjenester', en: 'Internet services' },
  '725': { nb: 'Databehandlingstjenester', en: 'Computer-related services' },
  '726': { nb: 'Datastøtte og rådgivning', en: 'Computer support and consultancy services' },
  '731': { nb: 'Forsknings- og eksperimentell utvikling', en: 'Research and experimental development services' },
  '732': { nb: 'Rådgivning om forskning og utvikling', en: 'Research and development consultancy services' },
  '733': { nb: 'Design og gjennomføring av forskning og utvikling', en: 'Design and execution of research and development' },
  '793': { nb: 'Markeds- og økonomisk forskning; meningsmålinger og statistikk', en: 'Market and economic research; polling and statistics' },
  '794': { nb: 'Forretnings- og ledelsesrådgivning', en: 'Business and management consultancy and related services' },
  '799': { nb: 'Diverse forretningstjenester', en: 'Miscellaneous business and business-related services' },
  '804': { nb: 'Voksenopplæring og annen undervisning', en: 'Adult and other education services' },
  '805': { nb: 'Opplæringstjenester', en: 'Training services' },
  '851': { nb: 'Helsetjenester', en: 'Health services' },
  '853': { nb: 'Sosiale tjenester', en: 'Social work and related services' },
  '904': { nb: 'Avløpstjenester', en: 'Sewage services' },
  '905': { nb: 'Renovasjon og avfallshåndtering', en: 'Refuse and waste related services' },
  '906': { nb: 'Rengjøring og sanitærtjenester i byer og landdistrikter', en: 'Cleaning and sanitation services in urban or rural areas' },
  '907': { nb: 'Miljøtjenester', en: 'Environmental services' },
  '909': { nb: 'Rengjøring og sanitærtjenester', en: 'Cleaning and sanitation services' },
  '925': { nb: 'Bibliotek-, arkiv- og museumstjenester', en: 'Library, archives, museums and other cultural services' },
};

/** Eight digits, the first two a known division: CPV 2008 without its check digit. */
export function isWellFormedCpv(code: string): boolean {
  return /^\d{8}$/.test(code) && code.slice(0, 2) in CPV_DIVISIONS;
}

export type CpvLevel = 'division' | 'group' | 'class' | 'category' | 'code';

/** How many significant digits a code has, read from its trailing zeros (never fewer than the division). */
export function cpvSignificantDigits(code: string): number {
  let n = 8;
  while (n > 2 && code[n - 1] === '0') n--;
  return n;
}

/** Label of the code's nearest labelled ancestor (group, else division). */
export function cpvLabel(code: string, lang: 'nb' | 'en' = 'nb'): string | undefined {
  return (CPV_GROUPS[code.slice(0, 3)] ?? CPV_DIVISIONS[code.slice(0, 2)])?.[lang];
}
