import type { AnswerKind } from './procedure.js';
import type { Language } from './vocabulary.js';

/**
 * The words for what a company sends, per kind and language (docs/glossary.md), for server texts: e-mails,
 * feeds and the calendar. The web words whole sentences per kind in web/messages (`kind=` variants), since
 * bokmål's gender changes the words around the noun («ditt tilbud», «din forespørsel»).
 */
export interface AnswerWords {
  /** «et tilbud» / «a tender» */
  a: string;
  /** «tilbudet» / «the tender» */
  the: string;
  /** «tilbud» / «tenders» */
  many: string;
  /** «Tilbudsfrist» / «Tender deadline» */
  deadline: string;
}

export const ANSWER_WORDS: Record<AnswerKind, Record<Language, AnswerWords>> = {
  innspill: {
    nb: { a: 'et innspill', the: 'innspillet', many: 'innspill', deadline: 'Frist for innspill' },
    en: { a: 'input', the: 'the input', many: 'input', deadline: 'Deadline for input' },
  },
  request: {
    nb: { a: 'en forespørsel om å delta', the: 'forespørselen om å delta', many: 'forespørsler om å delta', deadline: 'Frist for forespørsel om å delta' },
    en: { a: 'a request to participate', the: 'the request to participate', many: 'requests to participate', deadline: 'Deadline for requests to participate' },
  },
  tender: {
    nb: { a: 'et tilbud', the: 'tilbudet', many: 'tilbud', deadline: 'Tilbudsfrist' },
    en: { a: 'a tender', the: 'the tender', many: 'tenders', deadline: 'Tender deadline' },
  },
};

export const answerWords = (kind: AnswerKind, lang: Language): AnswerWords => ANSWER_WORDS[kind][lang];
