/**
 * The twelve municipalities of Østfold, by their 2024 kommunenummer (all in NUTS-3 NO083).
 *
 * - `name`: the short name the UI shows.
 * - `ssbName`: the name in SSB's classification of municipalities (KLASS 131, 2024), which disambiguates
 *   Våler (Østfold) from Våler (Innlandet); open data (OCDS) uses it.
 * - `orgNumber`: the municipality's organisasjonsnummer in Enhetsregisteret (Brønnøysundregistrene,
 *   data.brreg.no), the identifier OCDS publishes under scheme NO-BRC. Each passes MOD11 (a unit test checks).
 */
export const MUNICIPALITIES = [
  { code: '3101', name: 'Halden', ssbName: 'Halden', orgNumber: '959159092' },
  { code: '3103', name: 'Moss', ssbName: 'Moss', orgNumber: '920817521' },
  { code: '3105', name: 'Sarpsborg', ssbName: 'Sarpsborg', orgNumber: '938801363' },
  { code: '3107', name: 'Fredrikstad', ssbName: 'Fredrikstad', orgNumber: '940039541' },
  { code: '3110', name: 'Hvaler', ssbName: 'Hvaler', orgNumber: '964947082' },
  { code: '3112', name: 'Råde', ssbName: 'Råde', orgNumber: '940802652' },
  { code: '3114', name: 'Våler', ssbName: 'Våler (Østfold)', orgNumber: '959272581' },
  { code: '3116', name: 'Skiptvet', ssbName: 'Skiptvet', orgNumber: '941962726' },
  { code: '3118', name: 'Indre Østfold', ssbName: 'Indre Østfold', orgNumber: '920123899' },
  { code: '3120', name: 'Rakkestad', ssbName: 'Rakkestad', orgNumber: '945372281' },
  { code: '3122', name: 'Marker', ssbName: 'Marker', orgNumber: '964944334' },
  { code: '3124', name: 'Aremark', ssbName: 'Aremark', orgNumber: '940875560' },
] as const;

export type MunicipalityCode = (typeof MUNICIPALITIES)[number]['code'];

export const NUTS3_OSTFOLD = 'NO083';

export const MUNICIPALITY_CODES = MUNICIPALITIES.map((m) => m.code) as [MunicipalityCode, ...MunicipalityCode[]];

export function isMunicipalityCode(code: string): code is MunicipalityCode {
  return (MUNICIPALITY_CODES as readonly string[]).includes(code);
}

export function municipalityName(code: string): string | undefined {
  return MUNICIPALITIES.find((m) => m.code === code)?.name;
}

export function municipalityOf(code: string): (typeof MUNICIPALITIES)[number] | undefined {
  return MUNICIPALITIES.find((m) => m.code === code);
}
