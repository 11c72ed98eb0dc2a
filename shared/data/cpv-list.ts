/**
 * Reads the official CPV 2008 list (cpv-2008.json beside this file, derived by scripts/build-cpv-list.ts) on first
 * use. Server only. The list is ~680 KB: kept out of the code, so no function parses it at cold start; Lambda
 * bundles get a copy beside their chunks (BUNDLE_ASSETS in infra/constructs/bundling.ts), where the same
 * relative URL finds it.
 */
import { readFileSync } from 'node:fs';

/** The list's own attribution line (a unit test checks it against the file). */
export const CPV_ATTRIBUTION_TEXT = 'CPV-koder og norske betegnelser: DFØ, eforms-sdk-nor, CC BY 4.0';

/** `[code, nb, en]` rows, ascending by code. */
export function readCpvRows(): [string, string, string][] {
  const file = JSON.parse(readFileSync(new URL('./cpv-2008.json', import.meta.url), 'utf8')) as {
    codes: [string, string, string][];
  };
  return file.codes;
}
