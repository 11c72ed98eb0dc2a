/** The server clock. Status and sealing are derived from it at read time; tests move it with vi.setSystemTime. */
export const now = (): Date => new Date();
