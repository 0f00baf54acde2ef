import { launchBrowser, openContext, axePageViolations, axeViolations, formatViolations } from '/work/main/tests/browser/support.mjs';
const b = await launchBrowser();
for (const js of [true, false]) {
  const { context } = await openContext(b, { javaScriptEnabled: js });
  const page = await context.newPage();
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  await page.goto(process.env.AVENIR_BASE_URL + '/account/sign-in');
  try {
    const v = await axePageViolations(page);
    console.log('js', js, 'in-page', formatViolations(page.url(), v));
  } catch (e) { console.log('js', js, 'error', e.message.slice(0, 300)); }
  await context.close();
}
const r = await axeViolations(b, process.env.AVENIR_BASE_URL + '/ar/account/register');
console.log(formatViolations('reg ar', r.violations));
await b.close();
