// The digital bargaining hub at phone size: a union representative filters the clause database by
// topic and mechanism, composes a proposal from three clauses at different rungs of their ladders
// and one article of a joint-governance model, fills its blanks, and downloads it as DOCX and ODT.
// Both files are then read back with python3-docx and python3-odf (each article numbered, in order,
// blanks filled) and converted to PDF by LibreOffice (scripts/check-exports.py). axe finds nothing
// on the pages of the flow (English, Arabic).
//
// Needs AVENIR_BARGAINING_REP_EMAIL and AVENIR_ADMIN_PASSWORD (its password); scripts/browser-tests.sh
// creates the representative and their union.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { LANGUAGES, axePageViolations, formatViolations, href, launchBrowser, loadPage, openContext, signIn } from './support.mjs';

const [EN, , , AR] = LANGUAGES;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, acceptDownloads: true };
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function save(page) {
  await Promise.all([page.waitForURL(/saved=1/), page.getByRole('button', { name: 'Save the proposal' }).click()]);
}

describe('Digital bargaining hub', () => {
  test('filter, compose from three rungs and a model article, fill the blanks, export DOCX and ODT', async () => {
    const { context, foreign } = await openContext(browser, PHONE);
    const dir = mkdtempSync(join(tmpdir(), 'avenir-exports-'));
    try {
      const page = await context.newPage();
      await signIn(page, process.env.AVENIR_BARGAINING_REP_EMAIL);

      // 1. The database view, filtered by topic and mechanism.
      await page.goto(href(EN, '/bargaining/clauses'));
      await page.getByLabel('Topic', { exact: true }).selectOption('surveillance-monitoring');
      await page.getByLabel('Mechanism', { exact: true }).selectOption('co-determination');
      await Promise.all([page.waitForURL(/topic=surveillance-monitoring/), page.getByRole('button', { name: 'Show' }).click()]);
      const results = page.locator('main ul.cards > li h2 a');
      assert.ok((await results.count()) >= 1, 'the filters find clauses');
      assert.ok((await results.allTextContents()).some((t) => t.includes("No monitoring without the union's written agreement")));
      assert.match(page.url(), /mechanism=co-determination/);

      // 2. A new proposal for the representative's union.
      await page.goto(href(EN, '/bargaining/proposals'));
      await page.getByLabel('Title', { exact: true }).fill('Digital rights at the clinics (browser test)');
      await page.getByLabel('Language of the document').selectOption('en');
      await Promise.all([page.waitForURL(/\/bargaining\/proposals\/\d+$/), page.getByRole('button', { name: 'Create the proposal' }).click()]);
      const composer = page.url();

      // 3. Three clauses and one article of the joint-committee model, added one by one.
      for (const slug of ['surv-notice-preferred', 'am-human-decision-preferred', 'ic-notice-preferred', 'jc-composition']) {
        await page.getByLabel('A clause of the library').selectOption(slug);
        await save(page);
      }
      // 4. Their rungs: preferred, fallback, minimum.
      await page.locator('select[name="item-1-clause"]').selectOption('am-human-decision-fallback');
      await page.locator('select[name="item-2-clause"]').selectOption('ic-notice-minimum');
      await save(page);
      assert.equal(await page.locator('select[name="item-0-clause"]').inputValue(), 'surv-notice-preferred');
      assert.equal(await page.locator('select[name="item-1-clause"]').inputValue(), 'am-human-decision-fallback');
      assert.equal(await page.locator('select[name="item-2-clause"]').inputValue(), 'ic-notice-minimum');

      // 5. Every blank, through the one generated form: numbers, dates and names.
      const texts = [];
      const blanks = page.locator('input[name^="fill-"]');
      for (let i = 0; i < (await blanks.count()); i++) {
        const input = blanks.nth(i);
        const name = (await input.getAttribute('name')).slice('fill-'.length);
        const value = (await input.getAttribute('type')) === 'date' ? '2027-03-31'
          : (await input.getAttribute('inputmode')) === 'decimal' ? String(40 + i) : `Blank ${name} filled`;
        await input.fill(value);
        texts.push(value);
      }
      assert.ok(texts.length >= 3, `blanks to fill: ${texts.length}`);
      await save(page);
      assert.equal(await page.locator('input[name="fill-union"]').inputValue(), 'Blank union filled');

      // 6. The headings the documents must show, in order.
      const headings = [];
      const legends = await page.locator('ol.articles legend').allTextContents();
      legends.forEach((l, i) => headings.push(l.replace(/^Article \d+: /, `Article ${i + 1}. `).trim()));
      assert.equal(headings.length, 4);

      // 7. The two downloads.
      const files = [];
      for (const [label, ext] of [['Download for Word (DOCX)', 'docx'], ['Download for LibreOffice (ODT)', 'odt']]) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: label }).click()]);
        const file = join(dir, `proposal.${ext}`);
        await download.saveAs(file);
        files.push(file);
      }
      const expect = join(dir, 'expect.json');
      writeFileSync(expect, JSON.stringify({ headings, texts }));
      const report = execFileSync('/usr/bin/python3', [join(ROOT, 'scripts/check-exports.py'), expect, ...files], { encoding: 'utf8', timeout: 300_000 });
      console.log(report.trim());
      assert.match(report, /proposal\.docx: 4 articles in order, blanks filled/);
      assert.match(report, /proposal\.odt: converted to PDF/);

      // 8. Accessibility of the pages of the flow, in English and Arabic.
      const path = new URL(composer).pathname.replace(/^\/(fr|es|ar)\//, '/');
      for (const lang of [EN, AR]) {
        for (const p of ['/bargaining', '/bargaining/clauses?topic=surveillance-monitoring', '/bargaining/clauses/surv-notice-preferred',
                         '/bargaining/models/joint-committee-algorithmic-systems', '/bargaining/proposals', path, '/bargaining/gaps']) {
          const { page: audited, response } = await loadPage(context, href(lang, p));
          assert.equal(response.status(), 200, `${href(lang, p)}: ${response.status()}`);
          if (lang === AR) assert.equal(await audited.locator('html').getAttribute('dir'), 'rtl');
          const violations = await axePageViolations(audited);
          assert.deepEqual(violations, [], formatViolations(audited.url(), violations));
          await audited.close();
        }
      }
      assert.deepEqual(foreign, [], 'nothing is loaded from a third party');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await context.close();
    }
  });
});
