// The register at phone size: a union representative records a system, adds what the employer
// says and what workers report, runs the worker-impact assessment, sees the AI Act's flags and the
// suggested clauses, and downloads the information request, which python3-docx reads back. A
// member of another union then cannot see the entry by any route, in the list, the search or the
// CSV. axe finds nothing on the pages of the flow (English, Arabic).
//
// Needs AVENIR_BARGAINING_REP_EMAIL (a union representative), AVENIR_REGISTER_OTHER_EMAIL (a member
// of another union) and AVENIR_ADMIN_PASSWORD (their password); scripts/browser-tests.sh creates them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { LANGUAGES, axePageViolations, formatViolations, href, launchBrowser, loadPage, openContext, signIn } from './support.mjs';

const [EN, , , AR] = LANGUAGES;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, acceptDownloads: true };
const SYSTEM = 'Quillograph ward rota (browser test)';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('Register of workplace algorithmic systems', () => {
  test('record, evidence, assessment, flags and clauses, information request; another union sees nothing', async () => {
    const { context, foreign } = await openContext(browser, PHONE);
    const dir = mkdtempSync(join(tmpdir(), 'avenir-register-'));
    let entry;
    try {
      const page = await context.newPage();
      await signIn(page, process.env.AVENIR_BARGAINING_REP_EMAIL);

      // 1. The system, shared with the union's members; high-risk without the Art. 26(7) notice.
      await page.goto(href(EN, '/register/new'));
      await page.getByLabel("Shared with the union's members").check();
      await page.locator('#f-name').fill(SYSTEM);
      await page.locator('#f-employer').fill('Central Hospital (browser test)');
      await page.locator('#f-lifecycle').selectOption('pilot');
      await page.locator('#f-supplier').fill('Example Scheduling Ltd');
      await page.locator('#f-product').fill('Quillograph');
      await page.locator('#f-goal').fill('Fewer unfilled shifts.');
      await page.locator('#f-annex3_point').selectOption('4');
      await page.locator('#f-art26_notice').selectOption('not-received');
      await Promise.all([page.waitForURL(/\/register\/\d+$/), page.getByRole('button', { name: 'Save the entry' }).click()]);
      entry = new URL(page.url()).pathname;
      await assert.doesNotReject(page.getByText('Red: high-risk without notice').first().waitFor());

      // 2. Both sides' evidence on what it is for.
      for (const [side, text] of [['What the employer says', 'It only forecasts demand.'], ['What workers report', 'It ranks us by reliability.']]) {
        await page.getByLabel('About').selectOption('goal');
        await page.getByRole('radio', { name: side }).check();
        await page.getByLabel('What was said or seen').fill(text);
        await Promise.all([page.waitForURL(/#evidence$/), page.getByRole('button', { name: 'Add the evidence' }).click()]);
      }
      const employerSide = await page.locator('.side-by-side > div').first().textContent();
      assert.match(employerSide, /It only forecasts demand\./);
      assert.match(await page.locator('.side-by-side > div').nth(1).textContent(), /It ranks us by reliability\./);

      // 3. The assessment: the system decides about individuals; every other question at its
      // most severe; the first safeguard backed by the employer's evidence.
      await page.getByRole('link', { name: 'Assess the effects on work' }).click();
      const names = await page.locator('input[type="radio"]').evaluateAll((els) => [...new Set(els.map((e) => e.name))]);
      assert.ok(names.length >= 20, `questions: ${names.length}`);
      for (const name of names) {
        const options = page.locator(`input[type="radio"][name="${name}"]`);
        await (name.endsWith('-NS') ? options.first() : options.last()).check();
      }
      await page.locator('input[name="evidence-mit1-MS"]').first().check();
      await Promise.all([page.waitForURL(/\/assessments\/\d+$/), page.getByRole('button', { name: 'Score the assessment' }).click()]);
      await assert.doesNotReject(page.getByText('Red: high-risk without notice').first().waitFor());
      assert.match(await page.locator('main').textContent(), /Level without the flags:\s*Level IV/);

      // 4. Back on the entry: questions to put to management, and clauses to negotiate.
      await page.goto(href(EN, entry));
      assert.match(await page.locator('#actions').textContent(), /The human role in decisions/);
      const clauses = page.locator('#actions a[href*="/bargaining/clauses/"]');
      assert.ok((await clauses.count()) >= 1, 'suggested clauses');
      assert.ok(await page.getByRole('button', { name: 'Start a proposal with these clauses' }).isVisible());

      // 5. The information request, downloaded and read back with python3-docx.
      await page.getByRole('link', { name: 'Prepare a written information request to the employer' }).click();
      await page.getByLabel('National law on information and consultation').fill('the Workers Consultation Act');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as DOCX' }).click()]);
      const file = join(dir, 'request.docx');
      await download.saveAs(file);
      const text = execFileSync('/usr/bin/python3', ['-c', 'import docx,sys; print("\\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))', file],
        { encoding: 'utf8', timeout: 60_000 });
      for (const want of [`Request for information about ${SYSTEM}`, 'Article 26(7)', 'the Workers Consultation Act', 'Who takes the final decision']) {
        assert.ok(text.includes(want), `the request says: ${want}`);
      }

      // 6. Accessibility of the pages of the flow.
      const assessment = new URL((await page.goto(href(EN, entry))).url()).pathname;
      const result = await page.locator('#assessments a').first().getAttribute('href');
      for (const lang of [EN, AR]) {
        for (const p of ['/register', entry, `${entry}/assess`, result.replace(/^\/(fr|es|ar)\//, '/'), `${entry}/request`, '/register/import']) {
          const { page: audited, response } = await loadPage(context, href(lang, p));
          assert.equal(response.status(), 200, `${href(lang, p)}: ${response.status()}`);
          if (lang === AR) assert.equal(await audited.locator('html').getAttribute('dir'), 'rtl');
          const violations = await axePageViolations(audited);
          assert.deepEqual(violations, [], formatViolations(audited.url(), violations));
          await audited.close();
        }
      }
      assert.ok(assessment);
      assert.deepEqual(foreign, [], 'nothing is loaded from a third party');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await context.close();
    }

    // 7. A member of another union: not by any route, nor in the list, the search or the CSV.
    const other = await openContext(browser, PHONE);
    try {
      const page = await other.context.newPage();
      await signIn(page, process.env.AVENIR_REGISTER_OTHER_EMAIL);
      for (const p of [entry, `${entry}/assess`, `${entry}/request`, `${entry}/request.docx`, `${entry}/eurocities.json`, `${entry}/edit`]) {
        const response = await page.request.get(href(EN, p));
        assert.ok([403, 404].includes(response.status()), `${p}: ${response.status()}`);
      }
      await page.goto(href(EN, '/register'));
      assert.ok(!(await page.locator('main').textContent()).includes(SYSTEM), 'not in the list');
      await page.goto(href(EN, `/search?q=${encodeURIComponent('Quillograph')}`));
      assert.ok(!(await page.locator('main').textContent()).includes(SYSTEM), 'not in the search');
      const csv = await (await page.request.get(href(EN, '/register.csv'))).text();
      assert.ok(!csv.includes(SYSTEM), 'not in the CSV');
    } finally {
      await other.context.close();
    }
  });
});
