// Two Avenir instances on one PostgreSQL database behind nginx (scripts/cluster-tests.sh starts
// them): a session opened on one continues on the other, a write on one shows on the other at once,
// an uploaded file is served by both, a public page cached by one shows an edit made on the other
// long before its 30 s TTL, and the shared work (e-mail, periodic jobs) is done once.
// Not a *.test.mjs: scripts/browser-tests.sh (one instance) does not pick it up.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { launchBrowser } from './support.mjs';

const LB = process.env.AVENIR_BASE_URL;        // nginx, round robin over A and B
const A = process.env.AVENIR_CLUSTER_A;        // nginx, instance A only
const B = process.env.AVENIR_CLUSTER_B;        // nginx, instance B only
const DIRECT = [process.env.AVENIR_CLUSTER_DIRECT_A, process.env.AVENIR_CLUSTER_DIRECT_B];
const MAIL_DIR = process.env.AVENIR_MAIL_DIR;
const EMAIL = process.env.AVENIR_DRO_EMAIL;
const PASSWORD = process.env.AVENIR_DRO_PASSWORD;
assert.ok(LB && A && B && DIRECT[0] && DIRECT[1] && MAIL_DIR && EMAIL && PASSWORD, 'scripts/cluster-tests.sh sets the addresses');

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// A context that may reach the three nginx listeners and nothing else.
async function cluster() {
  const allowed = new Set([LB, A, B].map((u) => new URL(u).host));
  const context = await browser.newContext({ locale: 'en-GB' });
  context.setDefaultTimeout(15_000);
  const foreign = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || allowed.has(u.host)) return route.continue();
    foreign.push(u.href);
    return route.abort('blockedbyclient');
  });
  return { context, foreign };
}

async function signIn(page, base) {
  await page.goto(`${base}/account/sign-in`);
  await page.getByLabel('E-mail address').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sign in' }).click()]);
}

// Polls fn until it returns a truthy value or ms pass; returns [value, elapsed ms].
async function within(ms, fn) {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v || Date.now() - start > ms) return [v, Date.now() - start];
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('two instances behind nginx', () => {
  test('nginx spreads requests over both instances', async () => {
    const seen = new Set();
    for (let i = 0; i < 6; i++) {
      const r = await fetch(`${LB}/healthz`);
      assert.equal(r.status, 200);
      seen.add(r.headers.get('x-avenir-upstream'));
    }
    assert.equal(seen.size, 2, `answers came from ${[...seen].join(', ')}`);
  });

  test('signed in through A, the session continues on B, and writes on one are read on the other at once', async () => {
    const { context, foreign } = await cluster();
    try {
      const page = await context.newPage();
      await signIn(page, A);
      await page.goto(`${B}/account`);
      assert.match(page.url(), /\/account$/, 'B knows the session opened on A');
      assert.equal(await page.locator('h1').innerText(), 'Your account');

      // A plan created on B is on A's list at once (a reader's own page: never cached).
      await page.goto(`${B}/guide/plans`);
      const plan = `Cluster plan ${Date.now()}`;
      await page.locator('#p-title').fill(plan);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Create the plan' }).click()]);
      await page.goto(`${A}/guide/plans`);
      assert.match(await page.locator('main').innerText(), new RegExp(plan));

      // A resource created on A with a file uploaded there: B shows both, byte for byte.
      await page.goto(`${A}/library/new`);
      const title = `Cluster resource ${Date.now()}`;
      await page.locator('#e-title-en').fill(title);
      await page.locator('#e-date').fill('2026-11-30');
      await page.locator('#e-r-asia-pacific').check();
      await Promise.all([page.waitForURL(/\/library\/\d+$/), page.getByRole('button', { name: 'Save' }).click()]);
      const id = page.url().match(/\/library\/(\d+)$/)[1];
      const bytes = Buffer.from(`%PDF-1.4\n% uploaded on A at ${Date.now()}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
      await page.locator('#u-file').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: bytes });
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Upload' }).click()]);
      await page.goto(`${B}/library/${id}`);
      assert.equal(await page.locator('h1').innerText(), title);
      const link = page.locator('ul.files a').first();
      const fileUrl = new URL(await link.getAttribute('href'), B).href;
      const fromB = await page.request.get(fileUrl);
      assert.equal(fromB.status(), 200);
      assert.ok(Buffer.compare(await fromB.body(), bytes) === 0, 'B serves the file uploaded on A (shared files folder)');

      // Anonymous readers: B caches the resource page (TTL 30 s); an edit on A shows on B within
      // a few seconds all the same (the "pages" stamp every instance reads each second).
      const reader = await browser.newContext({ locale: 'en-GB' });
      try {
        const anon = await reader.newPage();
        await anon.goto(`${B}/library/${id}`);
        assert.equal(await anon.locator('h1').innerText(), title);
        const renamed = `${title} (renamed on A)`;
        await page.goto(`${A}/library/${id}/edit`);
        await page.locator('#e-title-en').fill(renamed);
        await Promise.all([page.waitForURL(/\/library\/\d+$/), page.getByRole('button', { name: 'Save' }).click()]);
        const [seen, ms] = await within(10_000, async () => {
          await anon.goto(`${B}/library/${id}`);
          return (await anon.locator('h1').innerText()) === renamed;
        });
        assert.ok(seen, 'B shows the edit made on A');
        assert.ok(ms < 5_000, `B showed the edit after ${ms} ms (its page cache TTL is 30 s)`);
      } finally {
        await reader.close();
      }
      assert.deepEqual(foreign, []);
    } finally {
      await context.close();
    }
  });

  test('an e-mail asked for through the balancer is sent once, and a periodic job runs once for both', async () => {
    const before = readdirSync(MAIL_DIR).filter((f) => f.endsWith('.json')).length;
    const { context } = await cluster();
    try {
      const page = await context.newPage();
      await page.goto(`${LB}/account/forgot`);
      await page.getByLabel('E-mail address').fill(EMAIL);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Send me a link' }).click()]);
    } finally {
      await context.close();
    }
    const messages = () => readdirSync(MAIL_DIR).filter((f) => f.endsWith('.json')).slice(before);
    const [arrived] = await within(10_000, () => messages().length > 0);
    assert.ok(arrived, 'the reset e-mail arrived');
    await new Promise((r) => setTimeout(r, 3_000));  // both instances poll the queue every second
    const sent = messages().map((f) => JSON.parse(readFileSync(`${MAIL_DIR}/${f}`, 'utf8')));
    assert.equal(sent.length, 1, 'one e-mail, not one per instance');
    assert.match(sent[0].subject, /password/i);

    // accounts.purge_expired (every 10 minutes) ran once since both started, whichever took it.
    for (const base of DIRECT) {
      const text = await (await fetch(`${base}/metrics`)).text();
      const m = text.match(/^avenir_job_runs_total\{job="accounts\.purge_expired"\} (\d+)$/m);
      assert.ok(m, `${base}/metrics lists the job`);
      assert.equal(Number(m[1]), 1, `${base}: runs of the job`);
    }
    // /metrics is not served through the proxy.
    assert.equal((await fetch(`${LB}/metrics`)).status, 404);
  });
});
