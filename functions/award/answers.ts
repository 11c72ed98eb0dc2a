import type { Procedure } from '../../shared/domain/vocabulary.js';
import type { AnswerKind } from '../../shared/domain/procedure.js';
import type { ProposalInput } from '../../shared/schemas/proposals.js';
import type { FieldError } from '../core/errors.js';

const NAMES: Record<AnswerKind, string> = { innspill: 'An innspill (market dialogue)', request: 'A request to take part', tender: 'A tender' };
const ATTACHMENT_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** What a company may send depends on the procedure and the stage (shared/domain/procedure.ts): the problems, if any. */
export function answerProblems(kind: AnswerKind, input: ProposalInput, procedure: Procedure): FieldError[] {
  const out: FieldError[] = [];
  const refuse = (path: string, why: string) => out.push({ path, message: `${NAMES[kind]} has no ${why} (${procedure})` });
  if (kind === 'innspill') {
    if (input.priceNok !== undefined) refuse('priceNok', 'price');
    if (input.selfDeclaration) refuse('selfDeclaration', 'self-declaration');
    if (input.references) refuse('references', 'references');
    if (input.confidential) refuse('confidential', 'confidential parts');
  }
  if (kind === 'request') {
    if (input.priceNok !== undefined) refuse('priceNok', 'price: prices come with the tender');
    if (!input.selfDeclaration) out.push({ path: 'selfDeclaration', message: 'A request to take part needs the self-declaration (egenerklæring)' });
    if (input.confidential) refuse('confidential', 'confidential parts');
  }
  if (kind === 'tender') {
    if (input.priceNok === undefined) out.push({ path: 'priceNok', message: 'A tender states its price in NOK excluding VAT (priceNok)' });
    if (input.selfDeclaration) refuse('selfDeclaration', 'self-declaration: it belongs to the request');
    if (input.references) refuse('references', 'references: they belong to the request');
    input.confidential?.forEach((c, i) => {
      if (c.part !== 'description' && c.part !== 'price' && !ATTACHMENT_ID.test(c.part)) {
        out.push({ path: `confidential.${i}.part`, message: 'A confidential part is description, price or an attachment id' });
      }
    });
  }
  return out;
}
