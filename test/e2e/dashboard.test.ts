/**
 * The dashboard in a real browser (Debian's Chromium through playwright-core) against a real
 * Perkwire process: sign in, programs (a broken rule file's errors at their JSON paths, publish,
 * activate and watch INQUIRE change, schedule, roll back), simulate, members, reports drawn from
 * real webhook traffic, backtest, sign out, and a phone width. One browser for the file; the
 * scenarios run in order on one signed-in page, as a program manager would use it.
 */
import { expect } from 'chai';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { burger, fries } from '../support/demo-menu.js';
import { accrueRequest, check, inquireRequest, loyaltyDiscount, paidCheck, redeemRequest, redemption, signupRequest } from '../support/toast-requests.js';
import { waitFor } from '../support/net.js';
import { launchChromium } from './support/browser.js';
import { screenshot } from './support/screens.js';
import { ALL_PROGRAMS_KEY, DEMO_ONLY_KEY, startDashboardStack, type DashboardStack } from './support/stack.js';

interface Offer { identifier: string; applicable: boolean }
interface Member { identifier: string; pointsBalance: number }

const demoFile = () => JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as Record<string, unknown> & { version: string; rewards: { id: string; pointsCost?: number; name: string }[]; earning: { points: number } };
const E2E_VERSION = `2026.12.0-e2e${randomInt(1000, 9999)}`;

describe('dashboard in a real browser (e2e)', function () {
  // Generous bounds: the suite shares two cores with everything else npm test runs.
  this.timeout(120_000);
  let stack: DashboardStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const phone = `212555${String(randomInt(0, 10_000)).padStart(4, '0')}`;
  let member: string;
  let accrued: number;

  /** INQUIRE at the register (webhook) with two burgers and fries: is Free Fries applicable? */
  async function freeFriesApplicable(): Promise<boolean> {
    const reply = await stack.toast('LOYALTY_INQUIRE', inquireRequest(member, { check: check({ selections: [burger(), burger(), fries()] }) }));
    const offers = ((reply.body.checkResponse as { offers?: Offer[] } | undefined)?.offers ?? []);
    return offers.some((o) => o.identifier === 'free-fries' && o.applicable);
  }

  async function balance(): Promise<number> {
    const { member: m } = await stack.admin<{ member: Member }>('GET', `/programs/demo/members/${member}`);
    return m.pointsBalance;
  }

  before(async function () {
    this.timeout(240_000);
    [stack, browser] = await Promise.all([startDashboardStack(), launchChromium()]);
    // A member with one paid visit, through the webhook as at the register.
    const signup = await stack.toast('LOYALTY_SIGNUP', signupRequest({ phone }));
    member = (signup.body.signupResponse as { loyaltyIdentifier: string }).loyaltyIdentifier;
    // Paid now (not the builders' fixed March date), so reports and backtests of recent days see it.
    const paidAt = new Date().toISOString().replace('Z', '+0000');
    const paid = { ...paidCheck({ selections: [burger(), burger(), fries()] }), paidDate: paidAt, closedDate: paidAt };
    await stack.toast('LOYALTY_ACCRUE', accrueRequest(member, { check: paid }));
    await waitFor('the accrual to post', async () => (await balance()) > 0, 90_000);
    accrued = await balance();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) await screenshot(page, `failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  after(async function () {
    this.timeout(60_000);
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await stack?.stop();
  });

  it('signs in with an admin key by keyboard; a wrong key is refused; the picker shows only the programs the key may see', async () => {
    await page.goto(`${stack.baseUrl}/dashboard`);
    await page.getByLabel('Admin key').fill('not-a-key');
    await page.keyboard.press('Enter');
    await expect(await page.getByRole('alert').innerText()).to.match(/Sign-in refused.*UNAUTHORIZED|Sign-in refused/s);
    await page.getByLabel('Admin key').fill(DEMO_ONLY_KEY);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Programs/ }).waitFor();
    expect(await page.getByLabel('Program').locator('option').allInnerTexts()).to.deep.equal(['Demo Burger Co. (demo)']);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Admin key').fill(ALL_PROGRAMS_KEY);
    await page.getByLabel('Admin key').press('Enter');
    await page.getByRole('heading', { name: /Programs/ }).waitFor();
    const programs = await page.getByLabel('Program').locator('option').allInnerTexts();
    expect(programs).to.include('Demo Burger Co. (demo)');
    expect(programs.length).to.be.greaterThan(1);
    await page.getByLabel('Program').selectOption('demo');
    expect(await page.getByTestId('active-version').innerText()).to.equal(demoFile().version);
    await screenshot(page, 'programs', { readme: true });
  });

  it('shows a broken rule file\'s errors next to their JSON paths, and publishes nothing', async () => {
    const broken = demoFile();
    broken.version = `${E2E_VERSION}-broken`;
    (broken.rewards[0] as Record<string, unknown>).pointsCost = 'fifty';
    await page.getByLabel('Upload a rule file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken, null, 2)) });
    const alert = page.getByRole('alert').filter({ hasText: 'The rule file is not valid' });
    await alert.waitFor();
    const problems = await alert.getByRole('listitem').allInnerTexts();
    expect(problems.some((p) => p.startsWith('/rewards/0/pointsCost'))).to.equal(true, problems.join('\n'));
    // Publishing it is refused the same way; no version is stored.
    await page.getByRole('button', { name: 'Publish as a new version' }).click();
    await alert.getByText('/rewards/0/pointsCost').first().waitFor();
    const { versions } = await stack.admin<{ versions: { version: string }[] }>('GET', '/programs/demo');
    expect(versions.map((v) => v.version)).to.not.include(broken.version);
    await screenshot(page, 'programs-invalid-file', { readme: true });
  });

  it('publishes and activates a version, and INQUIRE at the register changes', async () => {
    expect(accrued).to.be.within(20, 49);
    expect(await freeFriesApplicable()).to.equal(false);
    const cheaper = demoFile();
    cheaper.version = E2E_VERSION;
    cheaper.rewards.find((r) => r.id === 'free-fries')!.pointsCost = 20;
    // Start from the active version in the editor, then paste the edited file over it.
    await page.getByRole('button', { name: /^Start from the active version/ }).click();
    await waitFor('the active version in the editor', async () => (await page.getByLabel('Rule file (JSON)').inputValue()).includes(`"version": "${demoFile().version}"`), 10_000);
    await page.getByLabel('Rule file (JSON)').fill(JSON.stringify(cheaper));
    // Editing the text clears the earlier file's errors.
    await page.locator('.editor .error').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.locator('.editor .ok, .editor .error').first().waitFor();
    expect(await page.locator('.editor').innerText()).to.include(`Valid: version ${E2E_VERSION} would publish`);
    await page.getByRole('button', { name: 'Publish as a new version' }).click();
    await page.getByText(`Published version ${E2E_VERSION} (inactive)`).waitFor();
    expect(await freeFriesApplicable()).to.equal(false);
    await page.getByRole('button', { name: `Activate ${E2E_VERSION} now` }).click();
    await page.getByTestId('active-version').filter({ hasText: E2E_VERSION }).waitFor();
    // Every API process re-reads the active version within a second or so.
    await waitFor('INQUIRE to offer Free Fries at 20 points', freeFriesApplicable, 30_000);
  });

  it('compares two versions, schedules an activation and cancels it, and rolls back', async () => {
    const original = demoFile().version;
    const compare = page.getByRole('form', { name: 'Compare two versions' });
    await compare.getByLabel('From').selectOption(original);
    await compare.getByLabel('To').selectOption(E2E_VERSION);
    await compare.getByRole('button', { name: 'Compare' }).click();
    await page.getByText(`${original} → ${E2E_VERSION}`).waitFor();
    expect(await page.locator('.changes li').allInnerTexts()).to.satisfy((items: string[]) => items.some((t) => t.includes('free-fries')));
    const schedule = page.getByRole('form', { name: 'Schedule an activation' });
    await schedule.getByLabel('Version').selectOption(original);
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await schedule.getByLabel('Activate at').fill(`${inAMonth}T09:00`);
    await schedule.getByRole('button', { name: 'Schedule activation' }).click();
    await page.getByText(`Version ${original} is scheduled`).waitFor();
    expect((await stack.admin<{ scheduled: { version: string } | null }>('GET', '/programs/demo')).scheduled?.version).to.equal(original);
    await page.getByRole('button', { name: 'Cancel the scheduled activation' }).click();
    await page.getByRole('form', { name: 'Schedule an activation' }).waitFor();
    expect((await stack.admin<{ scheduled: unknown }>('GET', '/programs/demo')).scheduled).to.equal(null);
    await page.getByRole('button', { name: `Roll back to ${original}` }).click();
    await page.getByTestId('active-version').filter({ hasText: new RegExp(`^${original.replace(/\./g, '\\.')}$`) }).waitFor();
    await waitFor('INQUIRE to need 50 points again', async () => !(await freeFriesApplicable()), 30_000);
    expect(await page.getByRole('form', { name: 'Schedule an activation' }).getByLabel('Version').inputValue()).to.equal(E2E_VERSION);
    await screenshot(page, 'programs-after-rollback');
  });

  it('simulates a check: offers with amounts, why others are not offered, the points it earns', async () => {
    await page.getByRole('link', { name: 'Simulate' }).click();
    await page.getByLabel('Check', { exact: true }).selectOption('two-burgers-fries');
    await page.getByLabel('Points balance').fill('10');
    await page.getByLabel('Time (your timezone)').fill('2026-11-30T12:00'); // a Monday: no BOGO Tuesday
    await page.getByRole('button', { name: 'Simulate' }).click();
    const result = page.getByRole('region', { name: 'Result' });
    await result.getByTestId('sim-points').waitFor();
    expect(Number(await result.getByTestId('sim-points').innerText())).to.be.greaterThan(0);
    const notOffered = await result.getByRole('list', { name: 'Why not offered' }).innerText();
    expect(notOffered).to.include('BOGO Burger Tuesday').and.to.include('OUTSIDE_SCHEDULE');
    expect(notOffered).to.match(/Free Fries \(shown at the register as not yet available\): NEEDS_POINTS:40 needs 40 more points/);
    expect(await result.getByText('No reward can be redeemed on this check.').count()).to.equal(1);
    expect(await result.innerText()).to.include('On the check: Classic Burger, Classic Burger, Fries.');
    await page.getByLabel('Points balance').fill('200');
    await page.getByRole('button', { name: 'Simulate' }).click();
    await result.getByRole('table', { name: 'Offered' }).waitFor();
    expect(await result.getByRole('table', { name: 'Offered' }).innerText()).to.match(/Free Fries\s+\$3\.49\s+50/);
    await screenshot(page, 'simulate', { readme: true });
    // A pasted Toast check: refused clearly when it is not JSON, evaluated when it is.
    await page.getByLabel('Check', { exact: true }).selectOption('paste');
    await page.getByLabel('Toast check (JSON)').fill('{"guid": ');
    await page.getByRole('button', { name: 'Simulate' }).click();
    await result.getByRole('alert').filter({ hasText: 'the pasted check is not JSON' }).waitFor();
    await page.getByLabel('Toast check (JSON)').fill(JSON.stringify(check({ selections: [burger()] })));
    await page.getByRole('button', { name: 'Simulate' }).click();
    await result.getByText('eligible spend $8.99').waitFor();
    expect(await result.getByTestId('sim-points').innerText()).to.equal('8');
  });

  it('finds a member by phone, shows the ledger with provenance, adjusts points with a reason', async () => {
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByLabel('Find by').selectOption('phone');
    await page.getByLabel('Search for').fill(`(${phone.slice(0, 3)}) ${phone.slice(3, 6)}-${phone.slice(6)}`);
    await page.getByLabel('Search for').press('Enter');
    await page.getByRole('heading', { name: `Member ${member}` }).waitFor();
    expect(await page.getByTestId('member-balance').innerText()).to.equal(`${accrued} points`);
    expect(await page.getByRole('table', { name: 'Ledger' }).innerText()).to.include('ACCRUE').and.to.include('Demo Burger Co.')
      .and.to.include('Classic Burger × 2, Fries');
    await page.getByLabel('Points (negative takes away)').fill('60');
    await page.getByLabel('Reason (shown in the ledger; no guest data)').fill('e2e goodwill, ticket 77');
    await page.getByLabel('Reason (shown in the ledger; no guest data)').press('Enter');
    await page.getByText(`Adjusted +60: balance ${accrued + 60} points.`).waitFor();
    await page.getByTestId('member-balance').filter({ hasText: `${accrued + 60} points` }).waitFor();
    await page.getByRole('table', { name: 'Ledger' }).getByText('reason: e2e goodwill, ticket 77').waitFor();
    expect(await balance()).to.equal(accrued + 60);
    await screenshot(page, 'members', { readme: true });
  });

  it('corrects contact details, suspends and reinstates, and erases only after a confirmation', async () => {
    await page.getByLabel('First name').fill('Ada');
    await page.getByRole('button', { name: 'Save contact details' }).click();
    await page.locator('.profile').getByText('Ada').waitFor();
    await page.getByRole('button', { name: 'Suspend' }).click();
    await page.locator('.profile').getByText('SUSPENDED').waitFor();
    await page.getByRole('button', { name: 'Reinstate' }).click();
    await page.getByRole('button', { name: 'Suspend' }).waitFor();
    // A second member, to erase.
    const other = `646555${String(randomInt(0, 10_000)).padStart(4, '0')}`;
    const signup = await stack.toast('LOYALTY_SIGNUP', signupRequest({ phone: other }));
    const otherId = (signup.body.signupResponse as { loyaltyIdentifier: string }).loyaltyIdentifier;
    await page.getByLabel('Search for').fill(other);
    await page.getByLabel('Search for').press('Enter');
    await page.getByRole('heading', { name: `Member ${otherId}` }).waitFor();
    await page.getByRole('button', { name: 'Erase…' }).click();
    const confirm = page.getByRole('group', { name: 'Confirm erasure' });
    await confirm.waitFor();
    expect((await stack.admin<{ members: unknown[] }>('GET', `/programs/demo/members?phone=${other}`)).members).to.have.length(1);
    await confirm.getByRole('button', { name: 'Yes, erase' }).click();
    await page.locator('.profile').getByText(/erased/).waitFor();
    expect((await stack.admin<{ members: unknown[] }>('GET', `/programs/demo/members?phone=${other}`)).members).to.have.length(0);
  });

  it('draws the report charts from real webhook traffic and downloads the CSV', async () => {
    // Redeem Free Fries at the register (50 points), then recompute the rollups as an operator would.
    const friesSel = fries();
    const friesOff = loyaltyDiscount('free-fries', 3.49);
    const redeemed = await stack.toast('LOYALTY_REDEEM', redeemRequest(member, {
      check: check({ selections: [burger(), { ...friesSel, appliedDiscounts: [friesOff] }] }),
      redemptions: [redemption('free-fries', { selectionGuid: friesSel.guid, appliedDiscountGuid: friesOff.guid })],
    }));
    expect(redeemed.body.transactionStatus).to.equal('ACCEPT');
    stack.rebuildReports('demo');
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByTestId('total-earned').waitFor();
    const range = page.getByRole('form', { name: 'Report range' });
    const from = await range.getByLabel('From').inputValue();
    const to = await range.getByLabel('To').inputValue();
    const api = await stack.admin<{ totals: { pointsEarned: number; pointsRedeemed: number; loyaltyChecks: number }; days: { day: string; pointsEarned: number; pointsRedeemed: number }[] }>(
      'GET', `/programs/demo/reports/daily?from=${from}&to=${to}`);
    expect(api.totals.pointsEarned).to.equal(accrued);
    expect(api.totals.pointsRedeemed).to.equal(50);
    expect(await page.getByTestId('total-earned').innerText()).to.equal(String(accrued));
    expect(await page.getByTestId('total-redeemed').innerText()).to.equal('50');
    expect(await page.getByTestId('total-checks').innerText()).to.equal(String(api.totals.loyaltyChecks));
    // The chart's figures are the API's, on the day the traffic happened…
    const day = api.days.find((d) => d.pointsEarned > 0)!.day;
    await page.getByText('Figures').first().click();
    const row = await page.getByTestId('points-chart-table').getByRole('row', { name: new RegExp(`^${day}`) }).innerText();
    expect(row.split('\t').map((s) => s.trim())).to.deep.equal([day, String(accrued), '50']);
    // …and the canvas draws them: only data is painted in the series' colours (the legend is
    // HTML), and the two bars' areas stand in the ratio of the figures (same width, heights
    // proportional to the values; edges antialiased, hence the tolerance).
    const painted = await page.evaluate(`(() => {
      const c = document.getElementById('points-chart');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const count = { earned: 0, redeemed: 0 };
      for (let i = 0; i < d.length; i += 4) {
        if (d[i] === 37 && d[i + 1] === 99 && d[i + 2] === 235) count.earned++;
        if (d[i] === 249 && d[i + 1] === 115 && d[i + 2] === 22) count.redeemed++;
      }
      return count;
    })()`) as { earned: number; redeemed: number };
    expect(painted.earned, 'earned bar').to.be.greaterThan(100);
    expect(painted.redeemed / painted.earned, `bar areas ${JSON.stringify(painted)} for ${accrued} earned, 50 redeemed`).to.be.closeTo(50 / accrued, 0.15 * (50 / accrued));
    expect(await page.getByTestId('rewards-chart-table').textContent()).to.include('Free Fries');
    // What members bought, by the demo menu's names (the accrued visit: two burgers and fries).
    const items = await page.getByRole('table', { name: 'Items bought by members' }).innerText();
    expect(items).to.match(/Classic Burger\s+2\s+\$/).and.to.match(/Fries\s+1\s+\$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).to.match(/day/i);
    expect(csv).to.include(day);
    await screenshot(page, 'reports', { readme: true });
  });

  it('filters the report by location, finds a member by loyalty identifier, and links the API reference and the queue board', async () => {
    // Reports, still open: "All locations" counts the sign-ups (they belong to no restaurant);
    // the demo restaurant alone has the same points and no new members.
    const newMembers = () => page.locator('.totals div', { hasText: 'New members' }).locator('strong').innerText();
    expect(Number(await newMembers())).to.be.greaterThan(0);
    const range = page.getByRole('form', { name: 'Report range' });
    await range.getByLabel('Location').selectOption({ label: 'Demo Burger Co. - Union Square' });
    await range.getByRole('button', { name: 'Show' }).click();
    await page.locator('.totals div', { hasText: 'New members' }).locator('strong', { hasText: /^0$/ }).waitFor();
    expect(await page.getByTestId('total-earned').innerText()).to.equal(String(accrued));
    // Members: by loyalty identifier (phone was the earlier test).
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByLabel('Find by').selectOption('identifier');
    await page.getByLabel('Search for').fill(member);
    await page.getByLabel('Search for').press('Enter');
    await page.getByRole('heading', { name: `Member ${member}` }).waitFor();
    // The API reference and the queue board, served by the same service.
    for (const [name, path] of [['API reference', '/admin/docs'], ['Queues', '/admin/queues']] as const) {
      expect(await page.getByRole('link', { name, exact: true }).getAttribute('href')).to.equal(path);
    }
    expect((await fetch(`${stack.baseUrl}/admin/docs`)).status).to.equal(200);
    await page.getByRole('link', { name: 'Reports' }).click();
  });

  it('backtests a draft that doubles the earning rate: a chart of daily points, current vs draft', async () => {
    await page.getByRole('link', { name: 'Backtest' }).click();
    const draft = demoFile();
    draft.version = `${E2E_VERSION}-double`;
    draft.earning.points *= 2;
    await page.getByLabel('Draft rule file (JSON)').fill(JSON.stringify(draft));
    await page.getByRole('button', { name: 'Run backtest' }).click();
    await page.getByTestId('bt-current').waitFor();
    const current = Number((await page.getByTestId('bt-current').innerText()).replace(/,/g, ''));
    const doubled = Number((await page.getByTestId('bt-draft').innerText()).replace(/,/g, ''));
    expect(current).to.be.greaterThan(0);
    expect(doubled).to.equal(current * 2);
    await page.locator('#backtest-chart').waitFor();
    await screenshot(page, 'backtest', { readme: true });
  });

  it('shows loading, empty and error states', async () => {
    // Loading: the program's answer is held back until the page shows that it waits for it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/admin/v1/programs/demo', async (route) => { await held; await route.continue(); });
    await page.getByRole('link', { name: 'Programs' }).click();
    await page.getByRole('status').filter({ hasText: 'Loading the program…' }).waitFor();
    release();
    await page.getByTestId('active-version').waitFor();
    await page.unroute('**/admin/v1/programs/demo');
    // Error: the service does not answer the report.
    await page.route('**/admin/v1/programs/demo/reports/daily?**', (route) => route.abort());
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('alert').filter({ hasText: 'Could not load the report' }).filter({ hasText: 'did not answer' }).waitFor();
    await page.unroute('**/admin/v1/programs/demo/reports/daily?**');
    // Empty: a range without activity.
    const range = page.getByRole('form', { name: 'Report range' });
    await range.getByLabel('From').fill('2020-01-01');
    await range.getByLabel('To').fill('2020-01-31');
    await range.getByRole('button', { name: 'Show' }).click();
    await page.getByText('No loyalty activity from 2020-01-01 to 2020-01-31').waitFor();
    // Members: nobody found (empty), and a refused search with its problem at its path.
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByLabel('Search for').fill('(999) 555-0000');
    await page.getByLabel('Search for').press('Enter');
    await page.getByText('No member matches that phone.').waitFor();
    await page.getByLabel('Search for').fill('call me');
    await page.getByLabel('Search for').press('Enter');
    const refused = page.getByRole('alert').filter({ hasText: 'Search refused' });
    await refused.waitFor();
    expect(await refused.getByRole('listitem').allInnerTexts()).to.deep.equal(['/phone must be a 10-digit phone number']);
    await screenshot(page, 'states-members-refused');
  });

  it('signs out: the key is gone from the tab, a reload stays signed out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Admin key').waitFor();
    expect(await page.evaluate('sessionStorage.length')).to.equal(0);
    await page.reload();
    await page.getByLabel('Admin key').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).to.equal(0);
  });

  it('works at a phone width: no sideways scrolling, navigation reachable', async () => {
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const small = await phoneContext.newPage();
      await small.goto(`${stack.baseUrl}/dashboard`);
      await small.getByLabel('Admin key').fill(ALL_PROGRAMS_KEY);
      await small.getByLabel('Admin key').press('Enter');
      await small.getByLabel('Program').selectOption('demo');
      for (const view of ['Programs', 'Members', 'Reports']) {
        await small.getByRole('link', { name: view }).click();
        await small.getByRole('heading', { level: 1, name: new RegExp(view) }).waitFor();
        expect(await small.evaluate('document.documentElement.scrollWidth'), view).to.be.at.most(390);
      }
      await small.getByTestId('total-earned').waitFor();
      await screenshot(small, 'phone-reports', { readme: true });
    } finally {
      await phoneContext.close();
    }
  });

  it('serves every asset from its own origin (works offline) under helmet\'s Content-Security-Policy', async () => {
    const res = await fetch(`${stack.baseUrl}/dashboard/`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-security-policy')).to.include("script-src 'self'");
    const html = await res.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).to.be.greaterThan(1);
    for (const asset of assets) {
      expect(asset, 'no other origin').to.not.match(/^(https?:)?\/\//);
      expect((await fetch(new URL(asset, `${stack.baseUrl}/dashboard/`))).status, asset).to.equal(200);
    }
    expect((await fetch(`${stack.baseUrl}/dashboard`, { redirect: 'manual' })).status).to.equal(301);
  });
});
