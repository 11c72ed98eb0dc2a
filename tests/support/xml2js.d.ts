// xml2js (a dependency of rss-parser) ships no types; the tests use only its strict parser.
declare module 'xml2js' {
  export function parseStringPromise(xml: string, options?: { strict?: boolean }): Promise<unknown>;
}
