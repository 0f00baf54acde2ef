// Every public page of the platform, guide and library in every interface language: status,
// <html lang/dir>, a visible main heading, no request leaving the server, no console errors, and
// no axe-core WCAG 2.1 A/AA violation (checks in page-check.mjs). The home pages also keep to a
// budget of 3 network requests in all. The network, bargaining and register pages are in
// module-pages.test.mjs.
import { describe, test } from 'node:test';

import { checkPage, checkPagesInEveryLanguage } from './page-check.mjs';
import { LANGUAGES, href } from './support.mjs';

const HOME_REQUEST_BUDGET = 3;

describe('home page', () => {
  for (const lang of LANGUAGES) {
    const url = href(lang, '/');
    test(`${lang.code} ${url}`, () => checkPage({ url, lang, status: 200, budget: HOME_REQUEST_BUDGET }));
  }
});

// Other pages, checked in each language (English at "/regions", French at "/fr/regions", ...).
checkPagesInEveryLanguage([
  { name: 'regions', path: '/regions', status: 200 },
  { name: 'region', path: '/regions/asia-pacific', status: 200 },
  { name: 'contacts', path: '/contacts', status: 200 },
  { name: 'guide', path: '/guide', status: 200 },
  { name: 'guide introduction', path: '/guide/introduction', status: 200 },
  { name: 'workshop', path: '/guide/joint-governance-algorithms?start=09:30', status: 200 },
  { name: 'library', path: '/library', status: 200 },
  { name: 'library search', path: '/library/search?q=negociation&region=latin-america', status: 200 },
  { name: 'library filters', path: '/library?theme=bargaining&type=guide', status: 200 },
  { name: 'library resource', path: '/library/1', status: 200 },
  { name: 'not found', path: '/no-such-page', status: 404 },
]);
