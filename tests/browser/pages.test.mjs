// Every public page in every interface language: status, <html lang/dir>, a visible main heading,
// no request leaving the server, no console errors, and no axe-core WCAG 2.1 A/AA violation.
// The home pages also keep to a budget of 3 network requests in all.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  LANGUAGES, axeViolations, formatViolations, href, launchBrowser, list, loadPage, openContext,
} from './support.mjs';

const HOME_REQUEST_BUDGET = 3;

// Other pages, checked in each language (English at "/regions", French at "/fr/regions", ...).
const PAGES = [
  { name: 'regions', path: '/regions', status: 200 },
  { name: 'region', path: '/regions/asia-pacific', status: 200 },
  { name: 'contacts', path: '/contacts', status: 200 },
  { name: 'guide', path: '/guide', status: 200 },
  { name: 'guide introduction', path: '/guide/introduction', status: 200 },
  { name: 'workshop', path: '/guide/joint-governance-algorithms?start=09:30', status: 200 },
  { name: 'library', path: '/library', status: 200 },
  { name: 'library search', path: '/library/search?q=negociation&region=latin-america', status: 200 },
  { name: 'library filters', path: '/library?theme=bargaining&type=guide', status: 200 },
  { name: 'library resource', path: '/library/1', status: 200 },
  { name: 'practice exchange', path: '/network/practices', status: 200 },
  { name: 'practice case', path: '/network/practices/1', status: 200 },
  { name: 'regional hub', path: '/network/hubs/latin-america', status: 200 },
  { name: 'coalitions', path: '/network/coalitions', status: 200 },
  { name: 'coalition', path: '/network/coalitions/1', status: 200 },
  { name: 'questions to the hubs', path: '/network/questions', status: 200 },
  { name: 'bargaining hub', path: '/bargaining', status: 200 },
  { name: 'clause database', path: '/bargaining/clauses?topic=data-rights&mechanism=information', status: 200 },
  { name: 'clause', path: '/bargaining/clauses/surv-notice-preferred', status: 200 },
  { name: 'governance model', path: '/bargaining/models/procurement-stage-agreement', status: 200 },
  { name: 'register', path: '/register', status: 200 },
  { name: 'register entry (illustrative example)', path: '/register/1', status: 200 },
  { name: 'not found', path: '/no-such-page', status: 404 },
];

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// Problems with the document itself: language, direction and the main heading.
async function documentProblems(page, lang) {
  const problems = [];
  const html = page.locator('html');
  const langAttr = await html.getAttribute('lang');
  if (langAttr !== lang.code) problems.push(`<html lang> is ${JSON.stringify(langAttr)}, expected "${lang.code}"`);
  const dirAttr = await html.getAttribute('dir');
  if (dirAttr !== lang.dir) problems.push(`<html dir> is ${JSON.stringify(dirAttr)}, expected "${lang.dir}"`);
  const computed = await html.evaluate((el) => getComputedStyle(el).direction);
  if (computed !== lang.dir) problems.push(`computed text direction is "${computed}", expected "${lang.dir}"`);

  const h1 = page.locator('main h1');
  const count = await h1.count();
  if (count !== 1) {
    const anywhere = await page.locator('h1').count();
    problems.push(`expected exactly one <h1> inside <main>, found ${count} (and ${anywhere} <h1> in the whole page)`);
  } else if (!(await h1.isVisible())) {
    problems.push('the main heading (<main> <h1>) is not visible');
  } else if (!(await h1.innerText()).trim()) {
    problems.push('the main heading (<main> <h1>) is empty');
  }
  return problems;
}

// Loads url in a context that keeps the site's CSP, checks it, then audits it with axe.
async function checkPage({ url, lang, status, budget }) {
  const problems = [];
  const { context, foreign } = await openContext(browser);
  try {
    const { page, response, requests, consoleErrors } = await loadPage(context, url);
    if (!response) {
      problems.push('navigation produced no response');
    } else if (response.status() !== status) {
      problems.push(`status ${response.status()}, expected ${status}`);
    }
    problems.push(...(await documentProblems(page, lang)));
    if (budget !== undefined && requests.length > budget) {
      problems.push(`${requests.length} network requests during the load, budget is ${budget}:\n${list(requests)}`);
    }
    // The browser logs the not-found document's own 404 as an error; that one is expected.
    const errors = consoleErrors
      .filter((e) => !(status === 404 && e.url === url && /status of 404/.test(e.text)))
      .map((e) => (e.url ? `${e.text}  [${e.url}]` : e.text));
    if (errors.length) problems.push(`console errors:\n${list(errors)}`);
    if (foreign.length) problems.push(`requests to hosts other than the server (blocked):\n${list(foreign)}`);
  } finally {
    await context.close();
  }

  const audit = await axeViolations(browser, url);
  if (audit.violations.length) problems.push(formatViolations(url, audit.violations));
  if (audit.foreign.length) problems.push(`requests to other hosts during the axe run (blocked):\n${list(audit.foreign)}`);

  if (problems.length) assert.fail(`${url}:\n- ${problems.join('\n- ')}`);
}

describe('home page', () => {
  for (const lang of LANGUAGES) {
    const url = href(lang, '/');
    test(`${lang.code} ${url}`, () => checkPage({ url, lang, status: 200, budget: HOME_REQUEST_BUDGET }));
  }
});

for (const p of PAGES) {
  describe(`${p.name} page`, () => {
    for (const lang of LANGUAGES) {
      const url = href(lang, p.path);
      test(`${lang.code} ${url}`, () => checkPage({ url, lang, status: p.status }));
    }
  });
}
