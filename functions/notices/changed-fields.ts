import { DOMAIN_LABELS, PROCEDURE_LABELS, type Domain, type Language, type Procedure } from '../../shared/domain/vocabulary.js';
import { answerKindNow } from '../../shared/domain/procedure.js';
import { answerWords } from '../../shared/domain/answer-words.js';
import { formatBudgetRange, formatDeadline } from '../core/format.js';

/** The fields a correction may change, named as the call page names them (docs/glossary.md). */
const FIELD_NAMES: Record<string, { nb: string; en: string }> = {
  title: { nb: 'Tittel', en: 'Title' },
  summary: { nb: 'Sammendrag', en: 'Summary' },
  description: { nb: 'Beskrivelse', en: 'Description' },
  domains: { nb: 'Fagområder', en: 'Domains' },
  cpvCodes: { nb: 'CPV-koder', en: 'CPV codes' },
  budgetNok: { nb: 'Budsjett', en: 'Budget' },
  procedure: { nb: 'Framgangsmåte', en: 'Type of procedure' },
  questionDeadline: { nb: 'Frist for spørsmål', en: 'Question deadline' },
  contact: { nb: 'Kontaktperson', en: 'Contact' },
};

/** «Budsjett: 100 000–500 000 kr ekskl. mva. → 100 000–800 000 kr ekskl. mva.» in the reader's language. */
export function describeChange(f: { name: string; before?: unknown; after?: unknown }, procedure: Procedure, lang: Language): string {
  const name = f.name === 'deadline' ? answerWords(answerKindNow(procedure), lang).deadline : (FIELD_NAMES[f.name]?.[lang] ?? f.name);
  return `${name}: ${show(f.name, f.before, lang)} → ${show(f.name, f.after, lang)}`;
}

function show(field: string, v: unknown, lang: Language): string {
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return '–';
  if (field === 'budgetNok') return formatBudgetRange(v as { min?: number; max?: number }, lang) ?? '–';
  if (field === 'procedure') return PROCEDURE_LABELS[v as Procedure]?.[lang] ?? String(v);
  if (field === 'domains' && Array.isArray(v)) return v.map((d) => DOMAIN_LABELS[d as Domain]?.[lang] ?? d).join(', ');
  if (field === 'contact' && typeof v === 'object')
    return Object.values(v as Record<string, string>)
      .filter(Boolean)
      .join(', ');
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'string') return /^\d{4}-\d\d-\d\dT/.test(v) ? formatDeadline(v, lang) : v;
  return JSON.stringify(v);
}
