// Shared helpers for the browser tests: Debian's chromium through playwright-core, a guard that
// keeps every request on the server under test, request counting and axe-core audits.
// Not a test file itself (node --test only picks up *.test.mjs here).
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const raw = process.env.AVENIR_BASE_URL;
if (!raw) {
  throw new Error('AVENIR_BASE_URL is not set (e.g. http://127.0.0.1:8080); scripts/browser-tests.sh sets it');
}
// "http://127.0.0.1:8080" (no trailing slash); paths below all start with "/".
export const BASE_URL = raw.replace(/\/+$/, '');
const BASE = new URL(BASE_URL);

// The interface languages. English lives at the root, the others under "/<code>/".
export const LANGUAGES = [
  { code: 'en', prefix: '', name: 'English', dir: 'ltr' },
  { code: 'fr', prefix: '/fr', name: 'Français', dir: 'ltr' },
  { code: 'es', prefix: '/es', name: 'Español', dir: 'ltr' },
  { code: 'ar', prefix: '/ar', name: 'العربية', dir: 'rtl' },
];

// Absolute URL of a page in a language: href(fr, '/') -> ".../fr/", href(fr, '/regions') -> ".../fr/regions".
export function href(lang, path) {
  return BASE_URL + lang.prefix + path;
}

// The flags this machine needs (see the environment notes): no sandbox as root, no GPU, and none of
// Chromium's own background connections, which the closed network refuses.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--metrics-recording-only',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.AVENIR_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: 60_000,
  });
}

// True for a request that needs no network (inline data, blobs, about:blank).
function isLocalScheme(u) {
  return u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:';
}

// True when a request goes to the server under test (same scheme, host and port).
export function isServerUrl(urlString) {
  let u;
  try {
    u = new URL(urlString);
  } catch {
    return false;
  }
  if (isLocalScheme(u)) return true;
  return u.protocol === BASE.protocol && u.host === BASE.host;
}

// A browser context whose every request to anywhere but the server is aborted and recorded in
// `foreign` (the safety net: a test must never reach out, and a page that tries is a failure).
export async function openContext(browser, options = {}) {
  const context = await browser.newContext({ locale: 'en-GB', ...options });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const foreign = [];
  await context.route('**/*', (route) => {
    const request = route.request();
    if (isServerUrl(request.url())) return route.continue();
    foreign.push(`${request.method()} ${request.url()} (${request.resourceType()})`);
    return route.abort('blockedbyclient');
  });
  return { context, foreign };
}

// Loads a URL in a fresh page and returns the response, every network request made from the start
// of navigation until the network has been idle for 500 ms, and console errors / page errors
// ({ text, url }: url is the resource or script the message is about, when known).
export async function loadPage(context, url) {
  const page = await context.newPage();
  const requests = [];
  const consoleErrors = [];
  page.on('request', (r) => {
    if (!isLocalScheme(new URL(r.url()))) requests.push(`${r.method()} ${r.url()} (${r.resourceType()})`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push({ text: m.text(), url: m.location().url ?? '' });
  });
  page.on('pageerror', (e) => consoleErrors.push({ text: `uncaught: ${e.message}`, url: '' }));
  const response = await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  return { page, response, requests, consoleErrors };
}

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Runs in the page: axe over the whole document, violations only, as plain data.
function runAxe(tags) {
  return window.axe
    .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    .then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
      })),
    );
}

// Runs axe-core on a URL and returns its violations. The site's CSP (script-src 'self') rightly
// refuses an injected script, so the audit gets its own context with bypassCSP; every other check
// runs in a context that keeps the CSP.
export async function axeViolations(browser, url) {
  const { context, foreign } = await openContext(browser, { bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ path: AXE_PATH });
    const violations = await page.evaluate(runAxe, AXE_TAGS);
    return { violations, foreign };
  } finally {
    await context.close();
  }
}

let axeSource;
// Runs axe-core on the document a page shows now, in the page's own context: for pages that only a
// signed-in session reaches or that answer a form (a POST), which a fresh context cannot reload.
// axe is evaluated through the DevTools protocol, which the page's CSP does not govern (no <script>
// element is added), so the context keeps its CSP. Needs JavaScript enabled in the context.
export async function axePageViolations(page) {
  axeSource ??= readFileSync(AXE_PATH, 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  return page.evaluate(runAxe, AXE_TAGS);
}

// Human-readable axe violations for an assertion message.
export function formatViolations(url, violations) {
  const lines = [`${violations.length} axe violation(s) on ${url}:`];
  for (const v of violations) {
    lines.push(`  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}  (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 5)) {
      lines.push(`      at ${n.target}`);
      lines.push(`         ${n.html.replace(/\s+/g, ' ').slice(0, 200)}`);
      for (const s of (n.summary ?? '').split('\n')) if (s.trim()) lines.push(`         ${s.trim()}`);
    }
    if (v.nodes.length > 5) lines.push(`      ... and ${v.nodes.length - 5} more node(s)`);
  }
  return lines.join('\n');
}

export function list(items) {
  return items.map((i) => `    ${i}`).join('\n');
}

// ---- TOTP (RFC 6238 over RFC 4226): HMAC-SHA1, 6 digits, 30-second steps ----

// RFC 4648 base32 (A-Z, 2-7), case and spaces ignored, padding optional.
export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const out = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const v = alphabet.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${JSON.stringify(ch)} in ${JSON.stringify(text)}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

const TOTP_STEP_SECONDS = 30;
export function totpStep(ms = Date.now()) {
  return Math.floor(ms / 1000 / TOTP_STEP_SECONDS);
}

// The 6-digit code of a step (RFC 4226 section 5.3: dynamic truncation).
export function totpCode(secretBase32, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

// ---- mail from the SMTP sink (scripts/smtp-sink.py, AVENIR_MAIL_DIR) ----

// The newest message in the sink's folder addressed to `to`, waiting up to `timeoutMs` for it.
// Files are <n>.json, n counting up; the .json appears before the .eml, each atomically.
export async function newestMailTo(to, timeoutMs = 20_000) {
  assert.ok(process.env.AVENIR_MAIL_DIR, 'AVENIR_process.env.AVENIR_MAIL_DIR is not set (the SMTP sink folder); scripts/browser-tests.sh sets it');
  const wanted = to.toLowerCase();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const numbers = (await readdir(process.env.AVENIR_MAIL_DIR))
      .map((f) => /^(\d+)\.json$/.exec(f))
      .filter(Boolean)
      .map((m) => Number(m[1]))
      .sort((a, b) => b - a);
    for (const n of numbers) {
      const mail = JSON.parse(await readFile(path.join(process.env.AVENIR_MAIL_DIR, `${n}.json`), 'utf8'));
      const recipients = [mail.to ?? '', ...(mail.rcpt_tos ?? [])].join(' ').toLowerCase();
      if (recipients.includes(wanted)) return { n, ...mail };
    }
    if (Date.now() > deadline) {
      assert.fail(`no message to ${to} in ${process.env.AVENIR_MAIL_DIR} after ${timeoutMs / 1000} s (${numbers.length} message(s) there)`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

// Signs in through the form in English (the account's password: AVENIR_ADMIN_PASSWORD by default)
// and waits until the sign-in page is left.
export async function signIn(page, email, password = process.env.AVENIR_ADMIN_PASSWORD) {
  await page.goto(href(LANGUAGES[0], '/account/sign-in'));
  await page.locator('main form #email').fill(email);
  await page.locator('main form #password').fill(password);
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/sign-in')), page.locator('main form button[type=submit]').first().click()]);
}
