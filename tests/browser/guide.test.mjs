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

describe('guide', () => {
  test('the offline pack opens and reads fully with the network off', () => offlinePack());
  test('theme 4 in French: the run sheet computes clock times from 09:30', () => runSheetAt0930({}));
  test('the same without JavaScript', () => runSheetAt0930({ javaScriptEnabled: false }));
});
