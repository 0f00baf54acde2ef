// The Digital Rights Organisers' network at phone size: a member applies to become a DRO of Europe
// and the Caribbean, the region's coordinator (two-factor sign-in set up here) approves, and the
// new DRO, told by e-mail, moderates a case another member submitted. The published case is then
// on the region's hub, among the "similar cases" of a shipped case that shares its technology and
// product, and in the platform search. axe finds nothing on the pages of the flow (English, Arabic).
//
// Needs AVENIR_NET_COORD_EMAIL, AVENIR_NET_APPLICANT_EMAIL, AVENIR_NET_AUTHOR_EMAIL and
// AVENIR_ADMIN_PASSWORD (their password); scripts/browser-tests.sh creates them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { LANGUAGES, axePageViolations, formatViolations, href, launchBrowser, list, loadPage, newestMailTo, openContext, totpCode, totpStep, signIn } from './support.mjs';

const [EN, , , AR] = LANGUAGES;
const PASSWORD = process.env.AVENIR_ADMIN_PASSWORD;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const MARK = `Vexmoor${Date.now().toString(36)}`;  // a word only this case has, for the search
const TITLE = `Parish helpdesk chatbot, ${MARK} (browser test)`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function audit(context, paths) {
  for (const lang of [EN, AR]) {
    for (const p of paths) {
      const { page, response } = await loadPage(context, href(lang, p));
      assert.equal(response.status(), 200, `${href(lang, p)}: ${response.status()}`);
      if (lang === AR) assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      const violations = await axePageViolations(page);
      assert.deepEqual(violations, [], formatViolations(page.url(), violations));
      await page.close();
    }
  }
}

describe('Digital Rights Organisers network', () => {
  test('a member applies, the coordinator approves, the new DRO publishes a case found in hub, similar cases and search', async () => {
    const applicant = await openContext(browser, PHONE);
    const author = await openContext(browser, PHONE);
    const coord = await openContext(browser, PHONE);
    const anon = await openContext(browser, PHONE);
    try {
      // 1. The member applies.
      const ap = await applicant.context.newPage();
      await signIn(ap, process.env.AVENIR_NET_APPLICANT_EMAIL);
      await ap.goto(href(EN, '/network/hubs/europe-caribbean'));
      await Promise.all([ap.waitForURL(/\/network\/apply$/), ap.getByRole('link', { name: 'Become a Digital Rights Organiser' }).click()]);
      await ap.getByLabel('Your union', { exact: true }).fill('Municipal Workers of Ballyfarran (example)');
      await ap.getByLabel('Region', { exact: true }).selectOption('europe-caribbean');
      await ap.getByLabel('Languages you work in (codes, separated by commas)').fill('en, ga');
      await ap.getByLabel('Your experience (union work, digital questions, training others)').fill(
        'Branch officer for five years; I led our survey of staff on the new case-management system.');
      await ap.getByLabel('Why you apply', { exact: true }).fill('Our council is buying a chatbot and we want to learn from other unions first.');
      await Promise.all([ap.waitForURL(/sent=1/), ap.getByRole('button', { name: 'Send the application' }).click()]);
      assert.match(await ap.locator('main').innerText(), /Waiting for the coordinators/);

      // 2. Another member shares a case of the region (chatbot, same product as a shipped case).
      const up = await author.context.newPage();
      await signIn(up, process.env.AVENIR_NET_AUTHOR_EMAIL);
      await up.goto(href(EN, '/network/practices/new'));
      await up.getByLabel('Title', { exact: true }).fill(TITLE);
      await up.getByLabel('Practice', { exact: true }).selectOption('good');
      await up.getByLabel('Country', { exact: true }).fill('Jamaica');
      await up.getByLabel('Region', { exact: true }).selectOption('europe-caribbean');
      await up.getByLabel('Sector', { exact: true }).selectOption('local-government');
      await up.getByLabel('Product', { exact: true }).fill('Parlowen Assist');
      await up.getByLabel('Technologies, separated by commas (such as scheduling, chatbot)').fill('chatbot');
      await up.getByLabel('Year', { exact: true }).fill('2025');
      await up.getByLabel('What happened', { exact: true }).fill(
        `The parish council put a chatbot on its helpdesk line; the ${MARK} pilot sent tenants round in circles for weeks.`);
      await up.getByLabel('What the union did', { exact: true }).fill('The union logged every failed conversation and asked for a person on the line.');
      await up.getByLabel('Who may read it once published').selectOption('public');
      await Promise.all([up.waitForURL(/\/network\/practices\/\d+$/), up.getByRole('button', { name: 'Send to the moderators' }).click()]);
      const casePath = new URL(up.url()).pathname;

      // Not published yet: no one else sees it.
      const { page: hidden, response: hiddenResponse } = await loadPage(anon.context, href(EN, casePath));
      assert.equal(hiddenResponse.status(), 404);
      await hidden.close();

      // 3. The coordinator (two-factor sign-in first) approves.
      const cp = await coord.context.newPage();
      await signIn(cp, process.env.AVENIR_NET_COORD_EMAIL);
      await cp.goto(href(EN, '/account/two-factor'));
      const secret = (await cp.locator('main code.secret').innerText()).trim();
      await cp.locator('main form #code').fill(totpCode(secret, totpStep()));
      await Promise.all([cp.waitForURL(/two-factor|recovery|account/), cp.locator('main form button[type=submit]').first().click()]);
      await cp.goto(href(EN, '/network/applications'));
      const card = cp.locator('main section', { hasText: 'Municipal Workers of Ballyfarran (example)' });
      await card.getByLabel('Message to the applicant (needed to decline)').fill('Welcome: the hub meets on the first Tuesday of the month.');
      await Promise.all([cp.waitForURL(/\/network\/applications$/), card.getByRole('button', { name: 'Approve' }).click()]);
      assert.match(await cp.locator('main').innerText(), /Decided in the last 90 days[\s\S]*Approved/);

      // The applicant is told, with the place in the region's organisers' training.
      const mail = await newestMailTo(process.env.AVENIR_NET_APPLICANT_EMAIL);
      assert.match(mail.subject, /Digital Rights Organiser/);
      assert.match(mail.text, /first Tuesday/);
      assert.match(mail.text, /\/training\/cycles\/\d+/);

      // 4. The new DRO moderates the submitted case.
      await ap.goto(href(EN, '/network/moderation'));
      await Promise.all([ap.waitForURL((u) => u.pathname.endsWith(casePath)), ap.getByRole('link', { name: TITLE }).click()]);
      await ap.getByLabel('Publish', { exact: true }).check();
      await Promise.all([ap.waitForURL(/\/network\/moderation$/), ap.getByRole('button', { name: 'Send the decision' }).click()]);

      // 5. Published: on the region's hub, among the similar cases of a shipped case, in the search.
      const ap2 = await anon.context.newPage();
      await ap2.goto(href(EN, '/network/hubs/europe-caribbean'));
      assert.equal(await ap2.locator(`main a[href$="${casePath}"]`).count(), 1, 'the case is on the hub');
      await ap2.goto(href(EN, '/network/practices?region=europe-caribbean'));
      await ap2.getByRole('link', { name: 'A council chatbot, fewer public counters and a route back to a person (example)' }).click();
      await ap2.waitForURL(/\/network\/practices\/\d+$/);
      const similar = ap2.locator('section[aria-labelledby="similar-title"]');
      assert.equal(await similar.locator(`a[href$="${casePath}"]`).count(), 1, 'the case is among the similar cases');
      await ap2.goto(href(EN, `/search?q=${MARK}`));
      assert.equal(await ap2.locator(`main a[href$="${casePath}"]`).count(), 1, 'the platform search finds it');

      await audit(applicant.context, ['/network/apply', '/network/moderation', casePath, '/network/profile', '/network/questions/new']);
      await audit(coord.context, ['/network/applications', '/network/hubs/europe-caribbean', '/network/hubs/europe-caribbean/edit']);
      for (const c of [applicant, author, coord, anon]) assert.deepEqual(c.foreign, [], `requests to other hosts (blocked):\n${list(c.foreign)}`);
    } finally {
      for (const c of [applicant, author, coord, anon]) await c.context.close();
    }
  });
});
