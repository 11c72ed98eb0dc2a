import { municipalityName } from '../domain/municipalities.js';

/** Approximate centres of the twelve municipalities (administrative centre), for distances in reasons. */
const CENTRES: Record<string, [number, number]> = {
  '3101': [59.1248, 11.3875], // Halden
  '3103': [59.4344, 10.6577], // Moss
  '3105': [59.2839, 11.1096], // Sarpsborg
  '3107': [59.2181, 10.9298], // Fredrikstad
  '3110': [59.0282, 11.0394], // Hvaler (Skjærhalden)
  '3112': [59.35, 10.867], // Råde (Karlshus)
  '3114': [59.482, 10.857], // Våler (Kirkebygden)
  '3116': [59.465, 11.165], // Skiptvet
  '3118': [59.5712, 11.3262], // Indre Østfold (Mysen, the administrative centre)
  '3120': [59.426, 11.345], // Rakkestad
  '3122': [59.483, 11.653], // Marker (Ørje)
  '3124': [59.233, 11.7], // Aremark
};

/** Great-circle distance in whole km between two municipalities' centres, if both are known. */
export function distanceKm(a: string | undefined, b: string | undefined): number | undefined {
  const p = a ? CENTRES[a] : undefined;
  const q = b ? CENTRES[b] : undefined;
  if (!p || !q) return undefined;
  const rad = Math.PI / 180;
  const dLat = (q[0] - p[0]) * rad;
  const dLon = (q[1] - p[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(p[0] * rad) * Math.cos(q[0] * rad) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)));
}

export const placeName = (code: string | undefined) => (code ? municipalityName(code) : undefined);
