// The library in a real browser: a Digital Rights Organiser adds a resource in French and Arabic
// from the editor (a mistake first: the form comes back with the problem and the typed text),
// finds it with an accent-free search, and every page passes axe. The pages carry no script at all
// (checked), so this is also the path without JavaScript; axe itself needs scripts in the page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { LANGUAGES, axePageViolations, formatViolations, href, launchBrowser, list, loadPage, openContext } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const EN = LANGUAGES.find((l) => l.code === 'en');

async function audit(page) {
  assert.equal(await page.locator('script').count(), 0, `${page.url()} has a script`);
  const violations = await axePageViolations(page);
  assert.deepEqual(violations, [], formatViolations(page.url(), violations));
}

async function droAddsAndFindsAResource() {
  const email = process.env.AVENIR_DRO_EMAIL;
  const password = process.env.AVENIR_ADMIN_PASSWORD;
  assert.ok(email && password, 'scripts/browser-tests.sh provides AVENIR_DRO_EMAIL');
  const { context, foreign } = await openContext(browser, {});
  try {
    const { page } = await loadPage(context, href(EN, '/account/sign-in'));
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(password);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sign in' }).click()]);

    await page.goto(href(EN, '/library/new'));
    await audit(page);
    const title = 'Réunion numérique des délégués, Manille';
    await page.locator('#e-title-fr').fill(title);
    await page.locator('#e-title-ar').fill('اجتماع رقمي للمندوبين');
    await page.locator('#e-date').fill('2026-03-14');
    // No region chosen yet: refused, with the typed title kept.
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Save' }).click()]);
    const alert = page.locator('[role=alert]');
    assert.equal(await alert.count(), 1);
    assert.match(await alert.innerText(), /regions/);
    assert.equal(await page.locator('#e-title-fr').inputValue(), title);
    await page.locator('#e-r-asia-pacific').check();
    await page.locator('#e-t-joint-governance').check();
    await Promise.all([page.waitForURL(/\/library\/\d+$/), page.getByRole('button', { name: 'Save' }).click()]);
    await audit(page);

    await page.goto(href(EN, '/library/search?q=reunion+numerique+delegues'));
    const results = page.locator('ol.results-list > li');
    assert.ok((await results.count()) >= 1, 'the new resource is found without accents');
    assert.match(await results.first().innerText(), /Réunion numérique/);
    assert.ok((await page.locator('ol.results-list mark').count()) >= 1, 'matched words are highlighted');
    await audit(page);
    assert.deepEqual(foreign, [], `requests to other hosts (blocked):\n${list(foreign)}`);
  } finally {
    await context.close();
  }
}

describe('library', () => {
  test('a DRO adds a resource from script-free pages and finds it with an accent-free search', () => droAddsAndFindsAResource());
});
