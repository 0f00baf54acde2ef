// Accounts in a real browser: register, confirm the address from the e-mail the server sent over
// SMTP, sign in, turn on two-factor sign-in, sign out, sign in again with a code; an admin without
// two-factor is sent to set it up; axe on every page visited; the same flow with JavaScript off.
//
// Needs AVENIR_MAIL_DIR (the folder where scripts/smtp-sink.py keeps the messages) and
// AVENIR_ADMIN_EMAIL / AVENIR_ADMIN_PASSWORD (an admin without two-factor sign-in);
// scripts/browser-tests.sh sets all three.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import {
  LANGUAGES, axePageViolations, base32Decode, formatViolations, href, launchBrowser, list, newestMailTo, openContext, totpCode, totpStep,
} from './support.mjs';

const ADMIN_EMAIL = process.env.AVENIR_ADMIN_EMAIL;
const ADMIN_PASSWORD = process.env.AVENIR_ADMIN_PASSWORD;
const PASSWORD = 'violet-tractor-harbour-91';
const [EN, FR, , AR] = LANGUAGES;

// ---- a browser session that checks every page it lands on ----

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// One context and one tab kept through a whole flow, as a person would. Every page it lands on
// is checked (<html lang dir>, one visible <h1> in <main>) and, with JavaScript on, audited with
// axe in place (signed-in pages and form answers cannot be reloaded in a fresh context).
// Problems with a page are collected and reported together at the end (`finish`), so one axe
// violation does not hide the rest of the flow; a flow that cannot go on fails at once.
class Session {
  static async open(lang, { javaScript = true } = {}) {
    const s = new Session();
    s.lang = lang;
    s.javaScript = javaScript;
    ({ context: s.context, foreign: s.foreign } = await openContext(browser, { javaScriptEnabled: javaScript }));
    s.page = await s.context.newPage();
    s.consoleErrors = [];
    s.expectedErrorStatuses = [];  // { url, status } of documents answered 4xx on purpose
    s.problems = [];
    s.audited = [];
    s.page.on('console', (m) => {
      if (m.type() === 'error') s.consoleErrors.push({ text: m.text(), url: m.location().url ?? '' });
    });
    s.page.on('pageerror', (e) => s.consoleErrors.push({ text: `uncaught: ${e.message}`, url: '' }));
    return s;
  }

  async close() {
    await this.context?.close();
  }

  // Opens a URL, checks the page that comes back (after any redirect).
  async goto(url, { status = 200, what } = {}) {
    const response = await this.page.goto(url, { waitUntil: 'load' });
    return this.landed(response, { status, what: what ?? url });
  }

  // Clicks a submit button and waits for the page the form leads to (after any redirect).
  async submit(button, { status = 200, what } = {}) {
    assert.equal(await button.count(), 1, `${what}: expected one submit button on ${this.page.url()}, found ${await button.count()}`);
    const [response] = await Promise.all([this.page.waitForNavigation({ waitUntil: 'load' }), button.click()]);
    return this.landed(response, { status, what: what ?? `form on ${this.page.url()}` });
  }

  async landed(response, { status, what }) {
    const page = this.page;
    assert.ok(response, `${what}: no response`);
    if (response.status() !== status) {
      const main = await page.locator('main').innerText().catch(() => '');
      assert.fail(`${what}: status ${response.status()} at ${page.url()}, expected ${status}\n    main: ${main.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
    const url = page.url();
    if (status >= 400) this.expectedErrorStatuses.push({ url, status });
    const here = [];
    const lang = this.lang;
    const html = page.locator('html');
    const langAttr = await html.getAttribute('lang');
    if (langAttr !== lang.code) here.push(`<html lang> is ${JSON.stringify(langAttr)}, expected "${lang.code}"`);
    const dirAttr = await html.getAttribute('dir');
    if (dirAttr !== lang.dir) here.push(`<html dir> is ${JSON.stringify(dirAttr)}, expected "${lang.dir}"`);
    const h1 = page.locator('main h1');
    if ((await h1.count()) !== 1) here.push(`expected exactly one <h1> inside <main>, found ${await h1.count()}`);
    else if (!(await h1.isVisible()) || !(await h1.innerText()).trim()) here.push('the main heading is not visible or empty');
    if (this.javaScript) {
      const violations = await axePageViolations(page);
      if (violations.length) here.push(formatViolations(url, violations));
      this.audited.push(url);
    }
    if (here.length) this.problems.push(`${what} (${url}):\n  - ${here.join('\n  - ')}`);
    return response;
  }

  // The path (language prefix included) and query of the current URL.
  where() {
    const u = new URL(this.page.url());
    return { path: u.pathname, search: u.search };
  }

  // Records a problem (and goes on) when the current path is not `expected`.
  expectPath(expected, what) {
    const { path: actual } = this.where();
    if (actual !== expected) this.problems.push(`${what}: landed on ${actual}, expected ${expected}`);
  }

  // Fails with everything collected on the way: page problems, console errors, foreign requests.
  finish() {
    const all = [...this.problems];
    // The browser logs a document's own 4xx as an error; those the flow asked for are expected.
    const errors = this.consoleErrors
      .filter((e) => !this.expectedErrorStatuses.some((x) => x.url === e.url && e.text.includes(`status of ${x.status}`)))
      .map((e) => (e.url ? `${e.text}  [${e.url}]` : e.text));
    if (errors.length) all.push(`console errors:\n${list(errors)}`);
    if (this.foreign.length) all.push(`requests to hosts other than the server (blocked):\n${list(this.foreign)}`);
    if (all.length) assert.fail(all.join('\n'));
  }
}

// A submit button inside <main>'s form(s); `action` narrows to the form posting to that path.
function submitButton(page, action) {
  const form = action ? page.locator(`main form[action$="${action}"]`) : page.locator('main form');
  return form.locator('button[type="submit"]');
}

async function signIn(s, email, password) {
  const page = s.page;
  await page.locator('main form #email').fill(email);
  await page.locator('main form #password').fill(password);
}

// ---- (a) register -> verify -> sign in -> two-factor on -> sign out -> sign in with a code ----

async function registerAndSignInWithTwoFactor(lang, { javaScript }) {
  const s = await Session.open(lang, { javaScript });
  try {
    const page = s.page;
    const email = `amina.${lang.code}.${javaScript ? 'js' : 'nojs'}.${randomBytes(4).toString('hex')}@example.org`;

    // Register: first with a weak password (refused, reasons shown, input kept), then a good one.
    await s.goto(href(lang, '/account/register'), { what: 'register form' });
    await page.locator('main form #name').fill('Amina Diallo');
    await page.locator('main form #email').fill(email);
    await page.locator('main form #password').fill('password1234');
    await s.submit(submitButton(page, '/account/register'), { status: 422, what: 'register form with a weak password' });
    assert.equal(await page.locator('main form #email').inputValue(), email, 'the address is not kept after a refusal');
    assert.equal(await page.locator('main form #password').getAttribute('aria-invalid'), 'true');
    assert.ok((await page.locator('#password-errors').innerText()).trim(), 'no reason given for the refused password');
    if (s.javaScript) {
      // Marked in the field itself too, not only by the message under it.
      const border = (sel) => page.locator(sel).evaluate((e) => getComputedStyle(e).borderTopColor);
      assert.notEqual(await border('main form #password'), await border('main form #name'), 'the refused password field looks like a valid one');
    }
    await page.locator('main form #password').fill(PASSWORD);
    await s.submit(submitButton(page, '/account/register'), { what: 'register form sent (check-email page)' });
    assert.equal(s.where().path, `${lang.prefix}/account/register`);

    // The verification link, from the message the server sent over SMTP.
    const mail = await newestMailTo(email);
    const match = /https?:\/\/\S+\/account\/verify\?token=\S+/.exec(mail.text ?? '');
    assert.ok(match, `no verification link in message ${mail.n} to ${email}:\n${mail.text}`);
    const link = match[0];
    assert.ok(
      link.startsWith(`${href(lang, '/account/verify')}?token=`),
      `the link in the message is ${link}, expected it under ${href(lang, '/account/verify')} (AVENIR_BASE_URL + language)`,
    );
    // Not confirmed yet: the right password does not sign in (and counts as no failed attempt).
    await s.goto(href(lang, '/account/sign-in'), { what: 'sign-in form' });
    await signIn(s, email, PASSWORD);
    await s.submit(submitButton(page, '/account/sign-in'), { status: 422, what: 'sign-in before confirming' });
    assert.equal(await page.locator('main [role="alert"]').count(), 1, `no error message on ${page.url()}`);

    await s.goto(link, { what: 'verification link' });
    const confirm = submitButton(page);
    if (lang === EN) assert.equal((await confirm.innerText()).trim(), 'Confirm my address');
    await s.submit(confirm, { what: '"Confirm my address" (sign-in form with a notice)' });
    assert.equal(await page.locator('main [role="status"]').count(), 1, `no confirmation notice on ${page.url()}`);

    // Sign in (no code yet): the account page.
    await signIn(s, email, PASSWORD);
    await s.submit(submitButton(page, '/account/sign-in'), { what: 'sign-in after confirming' });
    assert.match(s.where().path, /^(\/[a-z]{2})?\/account$/, `signed in, expected the account page, at ${page.url()}`);
    s.expectPath(`${lang.prefix}/account`, `signing in on ${href(lang, '/account/sign-in')} (after confirming)`);

    // Two-factor set-up: the key from the page, the current code computed here.
    await s.goto(href(lang, '/account/two-factor'), { what: 'two-factor set-up' });
    const secret = (await page.locator('main code.secret').innerText()).trim();
    assert.match(secret, /^[A-Z2-7]{16,}=*$/, `the key on ${page.url()} is not base32: ${JSON.stringify(secret)}`);
    assert.equal(await page.locator('main .qr svg').count(), 1, 'no QR code (inline SVG) on the two-factor page');
    await page.locator('main form #code').fill('000000');
    await s.submit(submitButton(page, '/account/two-factor'), { status: 422, what: 'two-factor set-up with a wrong code' });
    assert.equal(await page.locator('main form #code').getAttribute('aria-invalid'), 'true');
    assert.equal((await page.locator('main code.secret').innerText()).trim(), secret, 'the key changed after a wrong code');
    const setupStep = totpStep();
    await page.locator('main form #code').fill(totpCode(secret, setupStep));
    await s.submit(submitButton(page, '/account/two-factor'), { what: 'two-factor code sent (recovery codes page)' });
    const codes = await page.locator('main ul.codes li code').allInnerTexts();
    assert.equal(codes.length, 10, `expected 10 recovery codes on ${page.url()}, found ${codes.length}`);
    for (const c of codes) assert.match(c, /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);

    // Sign out with the button on the account page.
    await s.goto(href(lang, '/account'), { what: 'account page with two-factor on' });
    await s.submit(submitButton(page, '/account/sign-out'), { what: 'sign-out' });
    assert.equal(page.url(), href(lang, '/'), 'signing out leads to the home page');

    // Sign in again: password, then the code page; the step used at set-up cannot be replayed,
    // so the next step's code (the server accepts one step either side of now).
    await s.goto(href(lang, '/account/sign-in'), { what: 'sign-in form' });
    await signIn(s, email, PASSWORD);
    await s.submit(submitButton(page, '/account/sign-in'), { what: 'sign-in with two-factor on (code page)' });
    assert.equal(s.where().path, `${lang.prefix}/account/sign-in/code`, `expected the code page, at ${page.url()}`);
    await page.locator('main form #code').fill('000000');
    await s.submit(submitButton(page, '/account/sign-in/code'), { status: 422, what: 'sign-in with a wrong code' });
    assert.equal(await page.locator('main form #code').getAttribute('aria-invalid'), 'true');
    const step = Math.max(setupStep + 1, totpStep());
    await page.locator('main form #code').fill(totpCode(secret, step));
    await s.submit(submitButton(page, '/account/sign-in/code'), { what: 'sign-in code sent (account page)' });
    assert.match(s.where().path, /^(\/[a-z]{2})?\/account$/, `expected the account page after the code, at ${page.url()}`);
    s.expectPath(`${lang.prefix}/account`, `signing in on ${href(lang, '/account/sign-in')} with a code`);
    assert.ok((await page.locator('main').innerText()).includes(email), `the account page does not show ${email}`);

    s.finish();
    return s.audited;
  } finally {
    await s.close();
  }
}

describe('register, confirm, sign in, two-factor, sign in with a code', () => {
  for (const lang of LANGUAGES) {
    test(`${lang.code}, with axe on every page`, async (t) => {
      const audited = await registerAndSignInWithTwoFactor(lang, { javaScript: true });
      t.diagnostic(`axe: no violation on ${audited.length} pages: ${[...new Set(audited.map((u) => new URL(u).pathname))].join(' ')}`);
    });
  }
});

describe('without JavaScript (plain HTML forms)', () => {
  for (const lang of [EN, FR]) {
    test(`${lang.code}: the whole flow`, () => registerAndSignInWithTwoFactor(lang, { javaScript: false }));
  }
});

// ---- (b) an admin without two-factor is sent to set it up ----

describe('admin without two-factor sign-in', () => {
  for (const lang of [EN, AR]) {
    test(`${lang.code}: ${ADMIN_EMAIL ?? '(AVENIR_ADMIN_EMAIL)'} opening ${href(lang, '/admin')} is asked to set it up`, async () => {
      assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'AVENIR_ADMIN_EMAIL / AVENIR_ADMIN_PASSWORD not set; scripts/browser-tests.sh creates the admin');
      const s = await Session.open(lang);
      try {
        await s.goto(href(lang, '/account/sign-in'), { what: 'sign-in form' });
        await signIn(s, ADMIN_EMAIL, ADMIN_PASSWORD);
        // Where the sign-in itself lands is the business of the flow above; here, /admin.
        const [response] = await Promise.all([
          s.page.waitForNavigation({ waitUntil: 'load' }),
          submitButton(s.page, '/account/sign-in').click(),
        ]);
        assert.equal(response?.status(), 200, `admin sign-in answered ${response?.status()} at ${s.page.url()}`);
        await s.goto(href(lang, '/admin'), { what: '/admin without two-factor' });
        assert.equal(s.where().path, `${lang.prefix}/account/two-factor`, `/admin led to ${s.page.url()}, expected the two-factor set-up`);
        assert.equal(await s.page.locator('main code.secret').count(), 1, 'the set-up page shows no key');
        assert.equal(await s.page.locator('main form #code').count(), 1, 'the set-up page has no code field');
        s.finish();
      } finally {
        await s.close();
      }
    });
  }
});

// ---- (c) the anonymous account pages in every language ----

async function checkAnonymousPage(lang, url) {
  const s = await Session.open(lang);
  try {
    await s.goto(url);
    s.finish();
  } finally {
    await s.close();
  }
}

for (const [name, p] of [['sign-in', '/account/sign-in'], ['register', '/account/register']]) {
  describe(`${name} page`, () => {
    for (const lang of LANGUAGES) {
      const url = href(lang, p);
      test(`${lang.code} ${url}`, () => checkAnonymousPage(lang, url));
    }
  });
}

// The TOTP helpers (support.mjs), against RFC 6238 appendix B (SHA1, 8 digits there; the last 6
// digits are the 6-digit code) and RFC 4648's base32 test vectors.
describe('TOTP helper', () => {
  test('RFC 4648 base32 and RFC 6238 test vectors', () => {
    assert.equal(base32Decode('MZXW6YTBOI======').toString(), 'foobar');
    assert.equal(base32Decode('mzxw6ytb').toString(), 'fooba');
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';  // "12345678901234567890"
    assert.equal(base32Decode(secret).toString(), '12345678901234567890');
    for (const [t, code8] of [[59, '94287082'], [1111111109, '07081804'], [1234567890, '89005924'], [20000000000, '65353130']]) {
      assert.equal(totpCode(secret, Math.floor(t / 30)), code8.slice(2), `T=${t}`);
    }
  });
});
