/** The twelve municipalities of Østfold, by their 2024 kommunenummer (all in NUTS-3 NO083). */
export const MUNICIPALITIES = [
  { code: '3101', name: 'Halden' },
  { code: '3103', name: 'Moss' },
  { code: '3105', name: 'Sarpsborg' },
  { code: '3107', name: 'Fredrikstad' },
  { code: '3110', name: 'Hvaler' },
  { code: '3112', name: 'Råde' },
  { code: '3114', name: 'Våler' },
  { code: '3116', name: 'Skiptvet' },
  { code: '3118', name: 'Indre Østfold' },
  { code: '3120', name: 'Rakkestad' },
  { code: '3122', name: 'Marker' },
  { code: '3124', name: 'Aremark' },
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
