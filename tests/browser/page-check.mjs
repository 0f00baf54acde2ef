// Shared by pages.test.mjs and module-pages.test.mjs (not a test file itself): loads a page in a
// context that keeps the site's CSP and checks status, <html lang/dir>, one visible main heading,
// no request leaving the server, no console errors and no axe-core WCAG 2.1 A/AA violation.
// The pages are split over two files so that each stays well inside node --test's per-file timeout.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  LANGUAGES, axeViolations, formatViolations, href, launchBrowser, list, loadPage, openContext,
} from './support.mjs';

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
export async function checkPage({ url, lang, status, budget }) {
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


// One describe block per page, one test per interface language.
export function checkPagesInEveryLanguage(pages) {
  for (const p of pages) {
    describe(`${p.name} page`, () => {
      for (const lang of LANGUAGES) {
        const url = href(lang, p.path);
        test(`${lang.code} ${url}`, () => checkPage({ url, lang, status: p.status }));
      }
    });
  }
}
