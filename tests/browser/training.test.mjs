// Training at phone size: a coordinator (two-factor sign-in set up here) creates a cycle of the
// Digital Rights Organisers with three sessions, a DRO enrols, the facilitator marks attendance
// on the roster with JavaScript off, the DRO sees "at risk" after missing a session, and the
// indicators follow; axe finds nothing on these pages in English and Arabic.
//
// Needs AVENIR_DRO_EMAIL, AVENIR_COORD_EMAIL, AVENIR_FACIL_EMAIL and AVENIR_ADMIN_PASSWORD (their
// password); scripts/browser-tests.sh creates the three people in Asia-Pacific.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { LANGUAGES, axePageViolations, formatViolations, href, launchBrowser, list, loadPage, openContext, totpCode, totpStep, signIn } from './support.mjs';

const [EN, , , AR] = LANGUAGES;
const PASSWORD = process.env.AVENIR_ADMIN_PASSWORD;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const TITLE = `DRO cycle ${Date.now().toString(36)}`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

function day(offset) {
  const d = new Date(Date.now() + offset * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function expectAxeClean(page) {
  const violations = await axePageViolations(page);
  assert.deepEqual(violations, [], formatViolations(page.url(), violations));
}

// Every page of the flow in both languages, checked with axe.
async function audit(context, paths) {
  for (const lang of [EN, AR]) {
    for (const path of paths) {
      const { page, response } = await loadPage(context, href(lang, path));
      assert.equal(response.status(), 200, `${href(lang, path)}: ${response.status()}`);
      if (lang === AR) assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      await expectAxeClean(page);
      await page.close();
    }
  }
}

describe('training cycle at phone size', () => {
  test('coordinator creates, DRO enrols, facilitator marks without JavaScript, at risk, indicators', async () => {
    const coord = await openContext(browser, PHONE);
    const dro = await openContext(browser, PHONE);
    const facil = await openContext(browser, { ...PHONE, javaScriptEnabled: false });
    try {
      // The coordinator: two-factor sign-in first (coordinators' powers need it).
      const cp = await coord.context.newPage();
      await signIn(cp, process.env.AVENIR_COORD_EMAIL);
      await cp.goto(href(EN, '/account/two-factor'));
      const secret = (await cp.locator('main code.secret').innerText()).trim();
      await cp.locator('main form #code').fill(totpCode(secret, totpStep()));
      await Promise.all([cp.waitForURL(/two-factor|recovery|account/), cp.locator('main form button[type=submit]').first().click()]);

      // A cycle whose first session was yesterday (then a week apart).
      await cp.goto(href(EN, '/training/new'));
      await cp.getByLabel('Title', { exact: true }).fill(TITLE);
      await cp.getByLabel('Group', { exact: true }).selectOption('dro');
      await cp.getByLabel('Region', { exact: true }).selectOption('asia-pacific');
      await cp.getByLabel('Languages spoken (codes, separated by commas)').fill('en, ar');
      await cp.getByLabel('Time zone', { exact: true }).fill('Asia/Manila');
      await cp.getByLabel('Places', { exact: true }).fill('12');
      await cp.getByLabel('Enrolment opens (year-month-day)').fill(day(-7));
      await cp.getByLabel('Enrolment closes (year-month-day)').fill(day(30));
      await cp.getByLabel('Status', { exact: true }).selectOption('open');
      await cp.getByLabel('Date (year-month-day)').fill(day(-1));
      await cp.getByLabel("Start, in the cycle's time zone (hours:minutes)").fill('09:00');
      await Promise.all([cp.waitForURL(/\/training\/cycles\/\d+$/), cp.getByRole('button', { name: 'Save' }).click()]);
      const cyclePath = new URL(cp.url()).pathname;
      assert.equal(await cp.locator('ol.sessions > li').count(), 3, 'three sessions, copied from the group');

      // The facilitator of the region joins the cycle.
      await cp.getByRole('link', { name: 'Change the cycle' }).click();
      await cp.getByLabel('Facilitator', { exact: true }).check();
      await Promise.all([cp.waitForURL(/\/training\/cycles\/\d+$/), cp.getByRole('button', { name: 'Save' }).click()]);

      // The DRO enrols (late for session 1, which is over: at risk until it is recorded).
      const dp = await dro.context.newPage();
      await signIn(dp, process.env.AVENIR_DRO_EMAIL);
      await dp.goto(href(EN, cyclePath));
      await Promise.all([dp.waitForURL(/\/training\/cycles\/\d+$/), dp.getByRole('button', { name: 'Enrol' }).click()]);
      assert.match(await dp.locator('main').innerText(), /You are enrolled\./);

      // The facilitator, without JavaScript: session 1 present.
      const fp = await facil.context.newPage();
      await signIn(fp, process.env.AVENIR_FACIL_EMAIL);
      await fp.goto(href(EN, cyclePath));
      await Promise.all([fp.waitForURL(/\/roster$/), fp.getByRole('link', { name: 'Take attendance' }).first().click()]);
      const rosterPath = new URL(fp.url()).pathname;
      await fp.getByLabel('Present', { exact: true }).check();
      await Promise.all([fp.waitForURL(/saved=1/), fp.getByRole('button', { name: 'Save attendance' }).click()]);
      const box = await fp.getByLabel('Present', { exact: true }).boundingBox();
      assert.ok(box && box.height >= 20, `the radio buttons are large targets (${JSON.stringify(box)})`);

      await dp.goto(href(EN, cyclePath));
      assert.match(await dp.locator('.standing').innerText(), /On track/);
      await dp.goto(href(EN, '/training/indicators'));
      const before = await dp.locator('main table tbody').innerText();

      // Then the facilitator corrects it: absent. The DRO sees "at risk"; the indicators change.
      await fp.goto(href(EN, rosterPath));
      await fp.getByLabel('Absent', { exact: true }).check();
      await Promise.all([fp.waitForURL(/saved=1/), fp.getByRole('button', { name: 'Save attendance' }).click()]);
      await dp.goto(href(EN, cyclePath));
      assert.match(await dp.locator('.standing').innerText(), /At risk/);
      await dp.goto(href(EN, '/training/indicators'));
      const afterText = await dp.locator('main table tbody').innerText();
      assert.notEqual(afterText, before, 'the indicators changed');

      // axe, English and Arabic, on the pages of the flow.
      // (axe needs JavaScript: the roster is audited as the coordinator, who may take attendance too)
      await audit(coord.context, ['/training', cyclePath, `${cyclePath}/edit`, `${cyclePath}/participants`, '/training/new', rosterPath]);
      await audit(dro.context, [cyclePath, '/training/mine', '/training/indicators']);
      for (const c of [coord, dro, facil]) assert.deepEqual(c.foreign, [], `requests to other hosts (blocked):\n${list(c.foreign)}`);
    } finally {
      await coord.context.close();
      await dro.context.close();
      await facil.context.close();
    }
  });
});
