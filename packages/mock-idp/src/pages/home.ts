import type { HomeClient, HomePageModel, PersonaSummary } from '../page-models';
import { html, type SafeHtml } from './html';
import { renderDocument } from './layout';
import { messagesFor, type Messages } from './messages';
import { PAGE_TEST_IDS as T } from './test-ids';

/** Where a registered app lives: the origin of its first web redirect URI, if any. */
function appOrigin(client: HomeClient): string | undefined {
  const web = client.redirectUris.find((uri) => /^https?:\/\//i.test(uri));
  return web === undefined ? undefined : `${new URL(web).origin}/`;
}

function clientItem(client: HomeClient): SafeHtml {
  const origin = appOrigin(client);
  return html`<li data-testid="${T.homeClient}-${client.id}">
    ${origin === undefined ? client.name : html`<a href="${origin}">${client.name}</a>`}
  </li>`;
}

function personaItem(p: PersonaSummary, m: Messages): SafeHtml {
  const about = [p.description, m.accountType[p.accountType], p.locked ? m.locked : undefined]
    .filter((part) => part !== undefined)
    .join(' · ');
  return html`<li data-testid="${T.homePersona}-${p.id}">
    <strong>${p.label}</strong> — ${m.levelLegend(p.level)}
    <span class="hint">${about}</span>
  </li>`;
}

/** What a developer needs: endpoints, each app's registration, persona ids, the guides. */
function forDevelopers(model: HomePageModel, m: Messages): SafeHtml {
  return html`<details class="developers">
    <summary>${m.forDevelopers}</summary>
    <h2>${m.homeEndpoints}</h2>
    <ul class="plain">
      <li>issuer <code data-testid="${T.homeIssuer}">${model.issuer}</code></li>
      <li><a href="${model.discovery}">${model.discovery}</a></li>
      <li><a href="${model.jwks}">${model.jwks}</a></li>
      ${model.admin && html`<li>${m.homeAdmin} <code>${model.issuer}/__mock/</code></li>`}
    </ul>
    <h2>${m.homeClients}</h2>
    <ul class="plain">
      ${model.clients.map(
        (c) =>
          html`<li>
            ${c.name}: client_id <code>${c.id}</code>, ${m.homeDialect} <code>${c.dialect}</code>
            <span class="hint"
              >${m.homeRedirects}:
              ${c.redirectUris.map((uri, i) => html`${i > 0 && ', '}<code>${uri}</code>`)}</span
            >
          </li>`,
      )}
    </ul>
    <h2>${m.homePersonas}</h2>
    <ul class="plain">
      ${model.personas.map(
        (p) => html`<li>${p.label}: ${m.homePersonaId} <code>${p.id}</code></li>`,
      )}
    </ul>
    <p>${m.homeDocs}</p>
  </details>`;
}

/**
 * The provider's start page, for a person who opens the issuer URL in a browser (the
 * demo prints it): what this server is, the apps registered with it and its test
 * citizens; endpoints and registrations folded under "for developers". Machines asking
 * for JSON get the JSON index instead.
 */
export function renderHome(model: HomePageModel): string {
  const m = messagesFor(model.locale);
  const body = html`<p>${m.homeIntro}</p>
    <p>
      <a href="${model.otherLocale.href}" lang="${model.otherLocale.locale}">${m.otherLanguage}</a>
    </p>
    <h2>${m.homeClients}</h2>
    ${
      model.clients.length === 0
        ? html`<p>${m.homeNoClients}</p>`
        : html`<ul class="plain">
            ${model.clients.map(clientItem)}
          </ul>`
    }
    <h2>${m.homePersonas}</h2>
    <ul class="plain">
      ${model.personas.map((p) => personaItem(p, m))}
    </ul>
    ${forDevelopers(model, m)}`;
  return renderDocument({ locale: model.locale, title: m.homeTitle, page: 'home', body });
}
