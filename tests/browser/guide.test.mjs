// The facilitator's guide as a facilitator uses it, in French: find the workshop of theme 4, set
// the start to 09:30 with the page's own form, and read the computed clock times. Without
// JavaScript too: the form is plain HTML.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { LANGUAGES, axePageViolations, formatViolations, href, launchBrowser, list, loadPage, openContext } from './support.mjs';

const FR = LANGUAGES.find((l) => l.code === 'fr');

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function runSheetAt0930(contextOptions) {
  const { context, foreign } = await openContext(browser, contextOptions);
  try {
    const { page } = await loadPage(context, href(FR, '/guide'));
    await page.getByLabel('Thème').selectOption('4');
    await Promise.all([page.waitForURL(/theme=4/), page.getByRole('button', { name: 'Afficher' }).click()]);
    const links = page.locator('main h3 a');
    assert.ok((await links.count()) >= 1, 'no workshop listed for theme 4');
    await Promise.all([page.waitForURL(/\/fr\/guide\/[a-z0-9-]+$/), links.first().click()]);
    await page.getByLabel('Heure de début').fill('09:30');
    await Promise.all([page.waitForURL(/start=09%3A30/), page.getByRole('button', { name: 'Afficher le déroulé' }).click()]);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    const clocks = await page.locator('ol.steps .clock').allInnerTexts();
    assert.ok(clocks.length >= 5, `expected at least 5 timed steps, got ${clocks.length}`);
    assert.equal(clocks[0], '09:30', 'the first step starts at the start time');
    for (const c of clocks) assert.match(c, /^\d\d:\d\d(–\d\d:\d\d)?$/);
    if (contextOptions.javaScriptEnabled !== false) {
      const violations = await axePageViolations(page);
      assert.deepEqual(violations, [], formatViolations(page.url(), violations));
    }
    assert.deepEqual(foreign, [], `requests to other hosts (blocked):\n${list(foreign)}`);
  } finally {
    await context.close();
  }
}

// Downloads the offline pack of the French theme-4 workshop, unpacks it, and reads it in a
// browser with the network off: every step of the run sheet must be there.
async function offlinePack() {
  const slug = 'joint-governance-algorithms';
  const { context } = await openContext(browser, {});
  let online;
  try {
    const { page } = await loadPage(context, href(FR, `/guide/${slug}?start=09:30`));
    online = await page.locator('ol.steps > li h3').allInnerTexts();
  } finally {
    await context.close();
  }
  const response = await fetch(href(FR, `/guide/${slug}/offline.zip?lang=fr&start=09:30`));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/zip');
  const dir = mkdtempSync(join(tmpdir(), 'avenir-pack-'));
  try {
    writeFileSync(join(dir, 'pack.zip'), Buffer.from(await response.arrayBuffer()));
    execFileSync('unzip', ['-q', 'pack.zip'], { cwd: dir });
    const offline = await browser.newContext({ offline: true });
    try {
      const page = await offline.newPage();
      const outside = [];
      page.on('request', (r) => { if (!r.url().startsWith('file:')) outside.push(r.url()); });
      await page.goto(pathToFileURL(join(dir, 'index.html')).href);
      const steps = await page.locator('ol.steps > li h3').allInnerTexts();
      assert.deepEqual(steps, online, 'the offline run sheet has every step');
      assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
      const styled = await page.locator('ol.steps > li').first().evaluate((el) => getComputedStyle(el).borderInlineStartWidth);
      assert.equal(styled, '4px', 'styles are inlined');
      assert.deepEqual(outside, [], 'nothing is loaded from outside the zip');
      const text = readFileSync(join(dir, `${slug}-fr.txt`), 'utf8');
      assert.ok(text.length < 4000, `the text version is short (${text.length} characters)`);
      assert.match(text, /09:30/);
    } finally {
      await offline.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// A facilitator builds a plan from two workshops in French and is warned that it overruns 3 hours.
async function planOverruns() {
  const email = process.env.AVENIR_ADMIN_EMAIL;
  const password = process.env.AVENIR_ADMIN_PASSWORD;
  assert.ok(email && password, 'scripts/browser-tests.sh provides AVENIR_ADMIN_EMAIL and AVENIR_ADMIN_PASSWORD');
  const { context, foreign } = await openContext(browser, {});
  try {
    const { page } = await loadPage(context, href(FR, '/account/sign-in'));
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Se connecter' }).click()]);
    await page.goto(href(FR, '/guide/plans'));
    await page.getByLabel('Titre').fill('Séance ODN 2, Asie-Pacifique, 3 heures');
    await Promise.all([page.waitForURL(/\/fr\/guide\/plans\/\d+$/), page.getByRole('button', { name: 'Créer le plan' }).click()]);
    assert.equal(await page.locator('[role=alert]').count(), 0, 'an empty plan does not overrun');
    for (const slug of ['joint-governance-algorithms', 'bargaining-digital-rights']) {
      await page.getByLabel('Ajouter un atelier ou une étape').selectOption(slug);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Ajouter', exact: true }).click()]);
    }
    const warning = page.locator('[role=alert]');
    assert.equal(await warning.count(), 1, 'two 3-hour workshops overrun the 3-hour slot');
    assert.match(await warning.innerText(), /dépasser son créneau/);
    const violations = await axePageViolations(page);
    assert.deepEqual(violations, [], formatViolations(page.url(), violations));
    assert.deepEqual(foreign, [], `requests to other hosts (blocked):\n${list(foreign)}`);
  } finally {
    await context.close();
  }
}

describe('guide', () => {
  test('a plan of two workshops overruns 3 hours and says so', () => planOverruns());
  test('the offline pack opens and reads fully with the network off', () => offlinePack());
  test('theme 4 in French: the run sheet computes clock times from 09:30', () => runSheetAt0930({}));
  test('the same without JavaScript', () => runSheetAt0930({ javaScriptEnabled: false }));
});
