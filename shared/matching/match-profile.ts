// Its own module so that the index (match-index.ts) and its packed form (packed-index.ts) can both name it
// without importing each other.
/** A company profile as matching reads it (from the profile API's shape). */
export interface MatchProfile {
  orgNumber: string;
  name: string;
  description?: string;
  capabilities?: readonly string[];
  cpvCodes: readonly string[];
  municipalityCode?: string;
  sme?: boolean;
  capacity?: number;
}
