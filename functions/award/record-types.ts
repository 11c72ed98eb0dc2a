/** The shapes of the procurement record shared by the protocol, the archive package and the open phase's part of them. */

export interface ProtocolEntry {
  at: string;
  type: string;
  actor?: string;
  text: string;
  data?: Record<string, unknown>;
}

export interface ArchiveEntry {
  path: string;
  content: string | Uint8Array;
  mediaType: string;
  /** Noark 5 metadata for this document (names from the Noark 5 metadata catalogue, M-numbers in docs/award.md). */
  noark: {
    tittel: string;
    dokumenttype: string;
    opprettetDato: string;
    opprettetAv?: string;
    tilknyttetRegistreringSom: 'Hoveddokument' | 'Vedlegg';
    /** Documents replaced by a correction: which version of the document this file is. */
    versjonsnummer?: number;
  };
}
