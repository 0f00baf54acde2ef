// Content in another language than the interface, in the Arabic interface: the guide has no Arabic
// workshops yet and some library resources exist in English only. Their content must carry
// lang="en" and dir="ltr" (a screen reader then reads it with an English voice, and punctuation
// lands on the right side), while the page chrome stays Arabic and right to left. Checked on the
// rendered page: attributes, and the direction the browser actually computes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { LANGUAGES, axePageViolations, formatViolations, href, launchBrowser, list, loadPage, openContext } from './support.mjs';

const AR = LANGUAGES.find((l) => l.code === 'ar');

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// The computed direction of the first element matching selector.
async function direction(page, selector) {
  return page.locator(selector).first().evaluate((el) => getComputedStyle(el).direction);
}

async function chromeStaysArabic(page) {
  assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await direction(page, 'header'), 'rtl', 'the header runs right to left');
  assert.equal(await direction(page, 'footer'), 'rtl', 'the footer runs right to left');
}

async function englishContentInTheArabicInterface(path, contentSelector) {
  const { context, foreign } = await openContext(browser, {});
  try {
    const { page } = await loadPage(context, href(AR, path));
    await chromeStaysArabic(page);
    const content = page.locator(contentSelector).first();
    assert.equal(await content.count(), 1, `${contentSelector} on ${path}`);
    assert.equal(await content.getAttribute('lang'), 'en', `${path}: the content is marked English`);
    assert.equal(await content.getAttribute('dir'), 'ltr', `${path}: the content runs left to right`);
    assert.equal(await direction(page, contentSelector), 'ltr');
    // The note saying so is in Arabic, in the chrome's direction.
    const note = page.locator('main p.note').first();
    assert.equal(await note.count(), 1, 'a note tells the reader the text is in another language');
    assert.equal(await direction(page, 'main p.note'), 'rtl');
    const violations = await axePageViolations(page);
    assert.deepEqual(violations, [], formatViolations(page.url(), violations));
    assert.deepEqual(foreign, [], `requests to other hosts (blocked):\n${list(foreign)}`);
  } finally {
    await context.close();
  }
}

describe('content in another language, Arabic interface', () => {
  test('an English workshop is lang="en" dir="ltr" inside a right-to-left page', () =>
    englishContentInTheArabicInterface('/guide/why-data-and-ai-matter', 'article.workshop'));
  test('an English library resource is lang="en" dir="ltr" inside a right-to-left page', async () => {
    // "Mapping digital public services in Asia-Pacific" ships in English only.
    const { context } = await openContext(browser, {});
    let path;
    try {
      const { page } = await loadPage(context, href(AR, '/library?region=asia-pacific&lang=en'));
      const links = page.locator('ol.results-list h3 a[lang="en"]');
      assert.ok((await links.count()) >= 1, 'an English-only resource is listed, marked lang="en"');
      assert.equal(await links.first().getAttribute('dir'), 'ltr');
      path = new URL(await links.first().getAttribute('href'), page.url()).pathname.replace(/^\/ar/, '');
    } finally {
      await context.close();
    }
    await englishContentInTheArabicInterface(path, 'main article');
  });
});
