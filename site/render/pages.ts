import type {
  Article,
  ArticleCard,
  CrisisResources,
  Group,
  GroupCard,
  Locale,
  SearchHit,
  Topic,
} from '../api'
import { html, safeUrl, trusted, type Html } from './html'
import { formatDate, localePath, strings } from './i18n'

/** Warnings whose article body waits behind a "continue" link; the others are only announced. */
const GATED = new Set(['suicide', 'self_harm', 'eating_disorders', 'abuse', 'trauma'])

export const articlePath = (slug: string) => `/articles/${encodeURIComponent(slug)}`
export const topicPath = (slug: string) => `/topics/${encodeURIComponent(slug)}`
export const groupPath = (slug: string) => `/groups/${encodeURIComponent(slug)}`

function articleList(locale: Locale, articles: ArticleCard[]): Html {
  return html`<ul class="cards">
    ${articles.map(
      (a) =>
        html`<li>
          <h3><a href="${localePath(locale, articlePath(a.slug))}">${a.title}</a></h3>
          ${a.summary ? html`<p>${a.summary}</p>` : ''}
        </li>`,
    )}
  </ul>`
}

function topicList(locale: Locale, topics: Topic[]): Html {
  return html`<ul class="topics">
    ${topics.map(
      (t) => html`<li><a href="${localePath(locale, topicPath(t.slug))}">${t.name}</a></li>`,
    )}
  </ul>`
}

const place = (g: GroupCard, locale: Locale) =>
  g.format === 'online'
    ? strings[locale].online
    : [g.area?.city, g.area?.region, g.area?.country].filter(Boolean).join(', ')

/** `level`: one below the heading the list sits under, so screen-reader outlines skip no level. */
function groupList(locale: Locale, groups: GroupCard[], level: 2 | 3 = 3): Html {
  const t = strings[locale]
  return html`<ul class="cards">
    ${groups.map(
      (g) =>
        html`<li>
          <h${level}><a href="${localePath(locale, groupPath(g.slug))}">${g.name}</a></h${level}>
          <p>
            ${t.formats[g.format]} · ${place(g, locale)} · ${g.languages.join(', ').toUpperCase()} ·
            ${g.openToNewMembers ? t.open : t.closed}
          </p>
        </li>`,
    )}
  </ul>`
}

export function crisisBlock(locale: Locale, crisis: CrisisResources, headingLevel = 2): Html {
  const t = strings[locale]
  const heading =
    headingLevel === 1
      ? html`<h1 id="crisis-help">${t.crisisTitle}</h1>`
      : html`<h2 id="crisis-help">${t.crisisTitle}</h2>`
  return html`<section class="crisis" aria-labelledby="crisis-help">
    ${heading}
    <p>${crisis.intro || t.crisisIntro}</p>
    <ul>
      ${crisis.helplines.map(
        (h) =>
          html`<li>
            <strong>${h.name}</strong> (${h.country})${
              h.phone ? html` · <a href="tel:${h.phone.replace(/\s+/g, '')}">${h.phone}</a>` : ''
            }${h.textNumber ? html` · SMS ${h.textNumber}` : ''}${h.hours ? html` · ${h.hours}` : ''}${
              safeUrl(h.url)
                ? html` · <a href="${safeUrl(h.url)}">${h.url!.replace(/^https?:\/\//, '')}</a>`
                : ''
            }
          </li>`,
      )}
    </ul>
  </section>`
}

export function homePage(
  locale: Locale,
  data: { articles: ArticleCard[]; topics: Topic[]; crisis: CrisisResources },
): Html {
  const t = strings[locale]
  return html`<h1>${t.tagline}</h1>
    ${crisisBlock(locale, data.crisis)}
    <section aria-labelledby="latest">
      <h2 id="latest">${t.latest}</h2>
      ${articleList(locale, data.articles)}
    </section>
    <section aria-labelledby="topics">
      <h2 id="topics">${t.topics}</h2>
      ${topicList(locale, data.topics)}
    </section>
    <p><a href="${localePath(locale, '/groups')}">${t.groupDirectory}</a></p>`
}

export function helpPage(locale: Locale, crisis: CrisisResources): Html {
  return crisisBlock(locale, crisis, 1)
}

function byline(label: string, who: Article['author']): Html | '' {
  if (!who) return ''
  return html`<p>
    ${label}: ${who.displayName}${who.credentials ? html`, ${who.credentials}` : ''}
  </p>`
}

export function articlePage(
  locale: Locale,
  a: Article,
  { continued, crisis }: { continued: boolean; crisis: CrisisResources | null },
): Html {
  const t = strings[locale]
  const gated = a.contentWarnings.some((w) => GATED.has(w)) && !continued
  // A field that fell back is in English: say so to screen readers too.
  const langOf = (field: string) => (a.untranslatedFields.includes(field) ? 'en' : locale)
  const hero = safeUrl(a.heroImage?.hero?.url ?? a.heroImage?.url)
  return html`<article>
    <h1 lang="${langOf('title')}">${a.title}</h1>
    ${a.summary ? html`<p class="summary" lang="${langOf('summary')}">${a.summary}</p>` : ''}
    <p class="review">
      ${
        a.lastReviewedAt ? html`${t.lastReviewed} ${formatDate(a.lastReviewedAt, locale)}` : ''
      }${a.nextReviewDue ? html` · ${t.nextReview} ${formatDate(a.nextReviewDue, locale)}` : ''}
    </p>
    ${byline(t.reviewedBy, a.reviewedBy)} ${byline(t.writtenBy, a.author)}
    ${
      a.contentWarnings.length
        ? html`<section class="warning" aria-labelledby="warning">
            <h2 id="warning">${t.warningsTitle}</h2>
            <p>
              ${t.warningsIntro} ${a.contentWarnings.map((w) => t.warnings[w] ?? w).join(', ')}.
            </p>
            ${gated ? html`<p><a class="continue" href="?continue=1#article-body">${t.continue}</a></p>` : ''}
          </section>`
        : ''
    }
    ${a.showCrisisResources && crisis ? crisisBlock(locale, crisis) : ''}
    ${
      gated
        ? ''
        : html`<div id="article-body" class="body" lang="${langOf('body')}">
              ${
                hero
                  ? html`<figure>
                      <img
                        src="${hero}"
                        alt="${a.heroImage?.alt ?? ''}"
                        ${
                          a.heroImage?.hero?.width ? html` width="${a.heroImage.hero.width}"` : ''
                        }${a.heroImage?.hero?.height ? html` height="${a.heroImage.hero.height}"` : ''}
                      />${
                        a.heroImage?.credit
                          ? html`<figcaption>${a.heroImage.credit}</figcaption>`
                          : ''
                      }
                    </figure>`
                  : ''
              }
              ${trusted(a.bodyHtml)}
            </div>
            ${
              a.sources.length
                ? html`<section aria-labelledby="sources">
                    <h2 id="sources">${t.sources}</h2>
                    <ol>
                      ${a.sources.map(
                        (s) =>
                          html`<li>
                            ${safeUrl(s.url) ? html`<a href="${safeUrl(s.url)}">${s.title}</a>` : s.title}${
                              s.publisher ? html`, ${s.publisher}` : ''
                            }${s.year ? html` (${s.year})` : ''}
                          </li>`,
                      )}
                    </ol>
                  </section>`
                : ''
            }`
    }
    ${
      a.topics.length
        ? html`<section aria-labelledby="article-topics">
            <h2 id="article-topics">${t.topics}</h2>
            ${topicList(locale, a.topics)}
          </section>`
        : ''
    }
  </article>`
}

export function topicPage(
  locale: Locale,
  topic: Topic & { children?: Topic[] },
  articles: ArticleCard[],
  groups: GroupCard[],
): Html {
  const t = strings[locale]
  return html`<h1>${topic.name}</h1>
    ${topic.description ? html`<p>${topic.description}</p>` : ''}
    ${
      topic.children?.length
        ? html`<h2>${t.subtopics}</h2>
            ${topicList(locale, topic.children)}`
        : ''
    }
    <h2>${t.articles}</h2>
    ${articleList(locale, articles)}
    ${
      groups.length
        ? html`<h2>${t.groupsOnTopic}</h2>
            ${groupList(locale, groups)}`
        : ''
    }`
}

export function groupsPage(locale: Locale, groups: GroupCard[]): Html {
  return html`<h1>${strings[locale].groupDirectory}</h1>
    ${groupList(locale, groups, 2)}`
}

const WEEKDAYS_ES: Record<string, string> = {
  monday: 'lunes',
  tuesday: 'martes',
  wednesday: 'miércoles',
  thursday: 'jueves',
  friday: 'viernes',
  saturday: 'sábado',
  sunday: 'domingo',
}
const weekday = (day: string, locale: Locale) =>
  locale === 'es' ? (WEEKDAYS_ES[day] ?? day) : day.charAt(0).toUpperCase() + day.slice(1)

// The UTC day is named because it often differs from the group's local day.
const utcTime = (iso: string, locale: Locale, withDay: boolean) =>
  new Intl.DateTimeFormat(locale === 'es' ? 'es-ES' : 'en-GB', {
    weekday: withDay ? 'short' : undefined,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(new Date(iso))

export function groupPage(locale: Locale, g: Group, { joinable }: { joinable: boolean }): Html {
  const t = strings[locale]
  const range = (from: string, to: string | null) => (to ? `${from}–${to}` : from)
  return html`<h1>${g.name}</h1>
    ${g.description ? html`<p>${g.description}</p>` : ''}
    <dl class="facts">
      <dt>${t.format}</dt>
      <dd>${t.formats[g.format]}</dd>
      <dt>${t.area}</dt>
      <dd>${place(g, locale) || '—'}</dd>
      <dt>${t.language}</dt>
      <dd>${g.languages.join(', ').toUpperCase()}</dd>
      <dt>${t.facilitation}</dt>
      <dd>${t.facilitations[g.facilitation]}${g.organisation ? html` (${g.organisation})` : ''}</dd>
      ${
        g.cost
          ? html`<dt>${t.cost}</dt>
              <dd>${g.cost}</dd>`
          : ''
      }
      ${
        g.accessibilityNotes
          ? html`<dt>${t.accessibility}</dt>
              <dd>${g.accessibilityNotes}</dd>`
          : ''
      }
      <dt>${t.open}</dt>
      <dd>${g.openToNewMembers ? t.open : t.closed}</dd>
    </dl>
    <h2>${t.schedule}</h2>
    <ul>
      ${g.weeklySchedule.map(
        (s) =>
          html`<li>
            ${s.weekdays.map((d) => weekday(d, locale)).join(', ')} ${range(s.startTime, s.endTime)}
            (${g.timezone})
          </li>`,
      )}
    </ul>
    ${
      g.nextMeetings.length
        ? html`<h2>${t.nextMeetings}</h2>
            <ul>
              ${g.nextMeetings.map(
                (m) =>
                  html`<li>
                    <time datetime="${m.start}"
                      >${weekday(m.weekday, locale)} ${m.localDate},
                      ${range(m.localStartTime, m.localEndTime)}</time
                    >
                    ${m.timezone}
                    (${range(utcTime(m.start, locale, true), m.end ? utcTime(m.end, locale, false) : null)}
                    UTC)${m.note ? html` — ${m.note}` : ''}
                  </li>`,
              )}
            </ul>`
        : ''
    }
    <p class="note">${t.scheduleNote}</p>
    ${
      g.openToNewMembers && !g.takesJoinRequestsOnline
        ? html`<p class="join-closed">
            ${t.joinNotOnline}
            ${g.joinContact ? `${t.joinContactIntro} ${g.joinContact}.` : t.joinContactFallback}
          </p>`
        : g.openToNewMembers && joinable
          ? html`<p>
              <a class="button" href="${localePath(locale, `${groupPath(g.slug)}/join`)}"
                >${t.askToJoin}</a
              >
            </p>`
          : ''
    }`
}

export type JoinFormValues = {
  name?: string
  contact?: string
  message?: string
  consent?: boolean
}

export function joinPage(
  locale: Locale,
  g: Pick<Group, 'name' | 'slug'>,
  form: { token: string; honeypotField: string },
  { values = {}, error }: { values?: JoinFormValues; error?: string } = {},
): Html {
  const t = strings[locale]
  return html`<h1>${t.joinTitle}: ${g.name}</h1>
    <p>${t.joinIntro}</p>
    ${error ? html`<div class="error" role="alert"><p>${error}</p></div>` : ''}
    <form method="post" action="${localePath(locale, `${groupPath(g.slug)}/join`)}">
      <input type="hidden" name="formToken" value="${form.token}" />
      <p>
        <label for="name">${t.name}</label><br /><input
          id="name"
          name="name"
          required
          maxlength="200"
          autocomplete="name"
          value="${values.name ?? ''}"
        />
      </p>
      <p>
        <label for="contact">${t.contact}</label><br /><input
          id="contact"
          name="contact"
          required
          maxlength="200"
          autocomplete="email"
          value="${values.contact ?? ''}"
        />
      </p>
      <p>
        <label for="message">${t.message}</label><br /><textarea
          id="message"
          name="message"
          rows="5"
          maxlength="2000"
        >
${values.message ?? ''}</textarea>
      </p>
      <p class="hp" aria-hidden="true">
        <label for="hp">${t.honeypot}</label
        ><input id="hp" name="${form.honeypotField}" tabindex="-1" autocomplete="off" />
      </p>
      <p>
        <input
          type="checkbox"
          id="consent"
          name="consent"
          value="yes"
          required${values.consent ? html` checked` : ''}
        />
        <label for="consent">${t.consent}</label>
      </p>
      <p><button type="submit">${t.send}</button></p>
    </form>`
}

export function joinedPage(locale: Locale, g: Pick<Group, 'slug'>, message: string): Html {
  const t = strings[locale]
  return html`<h1>${t.sent}</h1>
    <p role="status">${message}</p>
    <p><a href="${localePath(locale, groupPath(g.slug))}">${t.backToGroup}</a></p>`
}

export function searchPage(
  locale: Locale,
  query: string,
  hits: SearchHit[] | null,
  error?: string,
): Html {
  const t = strings[locale]
  return html`<h1>${t.search}</h1>
    <form method="get" action="${localePath(locale, '/search')}" role="search">
      <p>
        <label for="q">${t.searchLabel}</label><br /><input
          id="q"
          name="q"
          type="search"
          minlength="2"
          maxlength="100"
          aria-describedby="q-hint"
          value="${query}"
        />
        <span id="q-hint" class="note">${t.searchHint}</span>
        <button type="submit">${t.searchButton}</button>
      </p>
    </form>
    ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
    ${
      hits
        ? html`<h2>${t.results}</h2>
            ${
              hits.length
                ? html`<ul class="cards">
                    ${hits.map((h) =>
                      h.__typename === 'Article'
                        ? html`<li>
                            <a href="${localePath(locale, articlePath(h.slug))}">${h.title}</a>
                            (${t.articles})
                          </li>`
                        : html`<li>
                            <a href="${localePath(locale, groupPath(h.slug))}">${h.name}</a>
                            (${t.groups})
                          </li>`,
                    )}
                  </ul>`
                : html`<p>${t.noResults}</p>`
            }`
        : ''
    }`
}

export function messagePage(title: string, text: string): Html {
  return html`<h1>${title}</h1>
    <p>${text}</p>`
}
