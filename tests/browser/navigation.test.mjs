// What a person does to move around: the language switcher, with and without JavaScript.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { LANGUAGES, href, launchBrowser, list, loadPage, openContext } from './support.mjs';

const [EN, FR] = LANGUAGES;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// Where the switcher leads: an explicit prefix for every language, English included, so a choice
// overrides the browser's Accept-Language.
function switcherTarget(to) {
  return to.prefix ? href(to, '/') : href({ prefix: '/en' }, '/');
}

// Opens `from`, clicks the switcher link named `to.name`, and checks where it lands.
async function switchLanguage(contextOptions, from, to) {
  const { context, foreign } = await openContext(browser, contextOptions);
  try {
    const { page, response } = await loadPage(context, href(from, '/'));
    assert.equal(response?.status(), 200, `${href(from, '/')} answered ${response?.status()}`);
    const link = page.getByRole('link', { name: to.name, exact: true });
    assert.ok((await link.count()) >= 1, `no link named "${to.name}" on ${href(from, '/')}`);
    await Promise.all([page.waitForURL(switcherTarget(to)), link.first().click()]);
    assert.equal(page.url(), switcherTarget(to));
    assert.equal(await page.locator('html').getAttribute('lang'), to.code);
    assert.ok(await page.locator('main h1').first().isVisible(), `no visible main heading on ${page.url()}`);
    assert.deepEqual(foreign, [], `requests to other hosts (blocked):\n${list(foreign)}`);
  } finally {
    await context.close();
  }
}

describe('language switcher', () => {
  for (const to of LANGUAGES.slice(1)) {
    test(`"${to.name}" on ${href(EN, '/')} leads to ${href(to, '/')}`, () => switchLanguage({}, EN, to));
  }
  test(`"${EN.name}" on ${href(FR, '/')} leads back to ${switcherTarget(EN)}`, () => switchLanguage({}, FR, EN));
});

describe('without JavaScript', () => {
  test(`${href(FR, '/')} shows its heading`, async () => {
    const { context, foreign } = await openContext(browser, { javaScriptEnabled: false });
    try {
      const { page, response } = await loadPage(context, href(FR, '/'));
      assert.equal(response?.status(), 200);
      assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
      const h1 = page.locator('main h1');
      assert.ok(await h1.first().isVisible(), 'no visible main heading with JavaScript disabled');
      assert.notEqual((await h1.first().innerText()).trim(), '');
      assert.deepEqual(foreign, [], `requests to other hosts (blocked):\n${list(foreign)}`);
    } finally {
      await context.close();
    }
  });
  test(`the language switcher works: "${EN.name}" on ${href(FR, '/')}`, () =>
    switchLanguage({ javaScriptEnabled: false }, FR, EN));
});
