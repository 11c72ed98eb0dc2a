import type { Call } from '../../shared/schemas/calls.js';
import { effectiveStatus } from '../../shared/domain/call-status.js';
import { logger } from '../core/logger.js';
import { siteWriter } from './site-writer.js';
import { env } from '../core/config.js';
import { htmlText } from '../../shared/domain/format-text.js';
import { answerKindNow } from '../../shared/domain/procedure.js';
import { answerWords } from '../../shared/domain/answer-words.js';

/**
 * A published call as real HTML: title, summary, deadline, municipality, documents, Open Graph and
 * JSON-LD, so it reads without JavaScript and previews when shared (social media, newsletters). It is
 * built on the SPA shell: the app starts on it as on any page and replaces the static article
 * (#static-call) with the live one. Written when a call is published, corrected or cancelled.
 */

const osloDateTime = (iso: string) =>
  new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(new Date(iso));

const STATUS_NB: Record<string, string> = { open: 'Åpen', closed: 'Lukket', cancelled: 'Avlyst', draft: 'Utkast' };

/** Documents a call may carry (added by the documents feature); none yet on most calls. */
type Documents = { documents?: { name: string; url?: string; href?: string }[] };

export function renderCallPage(call: Call & Documents, shell: string, baseUrl: string, at = new Date()): string {
  const url = `${baseUrl.replace(/\/+$/, '')}/utlysninger/${encodeURIComponent(call.id)}`;
  const status = call.status === 'open' ? effectiveStatus('open', call.deadline, at) : call.status;
  const municipality = `${call.municipalityName} kommune`;
  const title = `${call.title} – ${municipality}`;
  const description = status === 'cancelled' ? `Avlyst: ${call.summary}` : call.summary;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    name: call.title,
    description: call.summary,
    url,
    inLanguage: 'nb',
    datePublished: call.publishedAt,
    dateModified: call.updatedAt,
    publisher: { '@type': 'GovernmentOrganization', name: municipality },
    mainEntity: {
      '@type': 'Demand',
      name: call.title,
      description: call.summary,
      availabilityEnds: call.deadline,
      areaServed: { '@type': 'AdministrativeArea', name: call.municipalityName },
      seller: { '@type': 'GovernmentOrganization', name: municipality },
    },
  };
  const head = [
    `<title>${htmlText(title)} – Innovasjonstorget</title>`,
    `<meta name="description" content="${htmlText(description)}" />`,
    `<link rel="canonical" href="${htmlText(url)}" />`,
    `<meta property="og:type" content="article" />`,
    `<meta property="og:site_name" content="Innovasjonstorget" />`,
    `<meta property="og:locale" content="nb_NO" />`,
    `<meta property="og:title" content="${htmlText(title)}" />`,
    `<meta property="og:description" content="${htmlText(description)}" />`,
    `<meta property="og:url" content="${htmlText(url)}" />`,
    `<meta name="twitter:card" content="summary" />`,
    `<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script>`,
  ].join('\n\t\t');
  const docs = (call.documents ?? []).filter((d) => d.name);
  const words = answerWords(answerKindNow(call.procedure), 'nb');
  const article = `
<div id="static-call" class="container static-call">
	<header class="static-head"><a href="/">Innovasjonstorget</a></header>
	<main id="main">
		<nav aria-label="Brødsmulesti"><a href="/">Utlysninger</a></nav>
		<article>
			<p><strong>${htmlText(municipality)}</strong></p>
			<h1>${htmlText(call.title)}</h1>
			${status === 'cancelled' ? `<p role="status"><strong>Utlysningen er avlyst.</strong> Det kan ikke lenger sendes inn ${words.many}.</p>` : ''}
			<p class="lead">${htmlText(call.summary)}</p>
			<dl class="facts">
				<dt>${words.deadline}</dt><dd><time datetime="${htmlText(call.deadline)}">${htmlText(osloDateTime(call.deadline))}</time></dd>
				<dt>Status</dt><dd>${htmlText(STATUS_NB[status] ?? status)}</dd>
				<dt>Kommune</dt><dd>${htmlText(call.municipalityName)}</dd>
				${call.publishedAt ? `<dt>Publisert</dt><dd><time datetime="${htmlText(call.publishedAt)}">${htmlText(osloDateTime(call.publishedAt))}</time></dd>` : ''}
			</dl>
			<h2>Beskrivelse</h2>
			<div class="prose">${htmlText(call.description)}</div>
			${
        docs.length
          ? `<h2>Dokumenter</h2>\n\t\t\t<ul>${docs
              .map((d) => {
                const href = d.url ?? d.href;
                return `<li>${href ? `<a href="${htmlText(href)}">${htmlText(d.name)}</a>` : htmlText(d.name)}</li>`;
              })
              .join('')}</ul>`
          : ''
      }
		</article>
	</main>
</div>`;
  return shell
    .replace(/<title>[^<]*<\/title>/, '')
    .replace(/<meta name="description"[^>]*>/, '')
    .replace('</head>', `\t${head}\n\t</head>`)
    .replace('<div style="display: contents">', `<div style="display: contents">${article}`);
}

/**
 * Writes the call's page to the site. A published call gets its rendered page; a draft gets the bare SPA
 * shell (nothing of the draft in it), so that every call's address has a file: CloudFront serves
 * /utlysninger/<id> from utlysninger/<id>.html (infra/constructs/spa-fallback.ts) and cannot fall back
 * to the shell when a file is missing without hiding the API's 403/404s. A failure is logged and
 * swallowed: the call itself is saved.
 */
export async function writeCallPage(call: Call): Promise<void> {
  const writer = siteWriter();
  if (!writer) return;
  try {
    const shell = await writer.readShell();
    if (!shell) return;
    await writer.writePage(`utlysninger/${call.id}`, call.publishedAt ? renderCallPage(call, shell, env.publicBaseUrl()) : shell);
  } catch (error) {
    logger.error('could not write the call page', { callId: call.id, error: error as Error });
  }
}
