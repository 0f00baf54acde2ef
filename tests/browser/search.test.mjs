// The platform search, as a reader uses it without JavaScript: a query typed in the header's
// search field on any page finds a guide workshop and a library resource on one result page; an
// Arabic query with an attached preposition finds Arabic resources; a title is shown whole with the
// matched word highlighted. The result page passes axe and loads nothing from other hosts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { LANGUAGES, axePageViolations, formatViolations, href, launchBrowser, list, loadPage, openContext } from './support.mjs';

const EN = LANGUAGES.find((l) => l.code === 'en');
const FR = LANGUAGES.find((l) => l.code === 'fr');
const AR = LANGUAGES.find((l) => l.code === 'ar');

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// Types the query in the header's field of `path` and submits it (Enter), with scripts off.
async function searchFromHeader(lang, path, query) {
  const { context, foreign } = await openContext(browser, { javaScriptEnabled: false });
  const { page } = await loadPage(context, href(lang, path));
  const field = page.locator('header form[role="search"] input[name="q"]');
  assert.equal(await field.count(), 1, `the header of ${path} has a search field`);
  await field.fill(query);
  await Promise.all([page.waitForURL(/\/search\?q=/), field.press('Enter')]);
  return { context, foreign, page };
}

describe('platform search', () => {
  test('a search from the header finds a workshop and a library resource on one page', async () => {
    const { context, foreign, page } = await searchFromHeader(EN, '/regions/asia-pacific', 'surveillance');
    try {
      assert.ok((await page.locator('#g-guide + ol a[href^="/guide/"]').count()) > 0, 'a guide workshop or step');
      assert.ok((await page.locator('#g-library + ol a[href^="/library/"]').count()) > 0, 'a library resource');
      assert.ok((await page.locator('main mark').count()) > 0, 'matched words are highlighted');
      assert.equal(await page.locator('script').count(), 0, 'the page needs no script');
      assert.deepEqual(foreign, [], `requests to other hosts (blocked):\n${list(foreign)}`);
    } finally {
      await context.close();
    }
    // axe runs in the page, so it needs scripts: the same page with them on.
    const { context: withJs } = await openContext(browser, {});
    try {
      const { page: p } = await loadPage(withJs, href(EN, '/search?q=surveillance'));
      const violations = await axePageViolations(p);
      assert.deepEqual(violations, [], formatViolations(p.url(), violations));
    } finally {
      await withJs.close();
    }
  });

  test('an Arabic query with an attached preposition finds Arabic resources', async () => {
    const { context, page } = await searchFromHeader(AR, '/library', 'للبيانات');
    try {
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      const arabic = page.locator('#g-library + ol a[lang="ar"][dir="rtl"]');
      assert.ok((await arabic.count()) > 0, 'an Arabic resource among the results');
      assert.ok((await arabic.locator('mark').count()) > 0, 'its title shows the matched word');
    } finally {
      await context.close();
    }
  });

  test('a title is shown whole, with the match highlighted', async () => {
    const { context, page } = await searchFromHeader(FR, '/', 'deconnexion');
    try {
      const whole = 'Télétravail et droit à la déconnexion : points de négociation pour l\'Europe et les Caraïbes';
      const title = page.locator('#g-library + ol h3 a', { hasText: 'points de négociation' }).first();
      assert.equal((await title.textContent()).trim(), whole);
      assert.equal(await title.locator('mark').first().textContent(), 'déconnexion');
    } finally {
      await context.close();
    }
  });
});
