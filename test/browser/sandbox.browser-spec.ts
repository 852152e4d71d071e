import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { BotProcess } from '../support/bot-process';
import { chromiumPath } from '../support/chromium';
import { SandboxPage } from '../support/sandbox-page';

const ROOT = resolve(__dirname, '..', '..');
const SCREENSHOTS = join(ROOT, 'test-results', 'browser');
/** The step whose screenshot the README shows; `README_SCREENSHOT=1 npm run test:browser` refreshes it. */
const README_STEP = 'match-card';

jest.setTimeout(180_000);

describe('the sandbox in a real browser', () => {
  let dir: string;
  let bot: BotProcess;
  let browser: Browser;
  let sandbox: SandboxPage;

  beforeAll(async () => {
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    // The bot serves the page from dist, as npm start builds it.
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-sandbox-page.mjs')], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`the page did not build: ${built.stderr}`);
    dir = mkdtempSync(join(tmpdir(), 'ladder-browser-'));
    bot = BotProcess.sandbox(join(dir, 'sandbox.sqlite'));
    const ready = bot.ready();
    bot.start({ WAVE_SECONDS: '5', PRACTICE_DELAY_MS: '150' });
    await ready;
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    await page.goto(bot.sandboxUrl()!);
    sandbox = new SandboxPage(page, SCREENSHOTS);
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const shoot = (step: string) => sandbox.screenshot(step);

  it('lets one person accept the terms, set up, play a practice opponent, report, and see the result and the leaderboard', async () => {
    await sandbox.actAs('ana');
    await sandbox.page.locator('#commands button.command', { hasText: '/termsofservice' }).waitFor({ timeout: 30_000 });
    await shoot('sandbox-opened');

    await sandbox.runCommand('termsofservice');
    await sandbox.click('Accept', await sandbox.waitForMessage(/^Terms of service \(version /));
    await sandbox.waitForMessage(/^Terms accepted/);
    await shoot('terms-accepted');

    await sandbox.runCommand('setup');
    await sandbox.page.locator('#modal[open]').waitFor();
    await shoot('setup-form');
    await sandbox.fillModal({ 'Player name': 'Ana', BattleTag: 'Ana#1234' });
    await sandbox.waitForMessage(/^Setup: your country$/);
    await sandbox.pick('Countries: Argentina', 'Germany');
    await sandbox.waitForMessage(/^Setup: your region$/);
    await sandbox.pick('Residential region', 'Western Europe');
    await sandbox.click('Confirm', await sandbox.waitForMessage(/^Setup: check and confirm$/));
    await sandbox.waitForMessage(/^Setup complete/);
    await shoot('setup-complete');

    const opponent = await sandbox.addPracticeOpponent({ race: 'SC2 Terran', rating: '1550', region: 'Western Europe', behaviour: 'Confirms, then reports a loss' });
    await sandbox.waitForStatus(opponent, /^queued as SC2 Terran$/);
    await shoot('practice-opponent-queued');

    await sandbox.runCommand('queue');
    await sandbox.waitForMessage(/^Queue$/);
    await sandbox.pick('Brood War race', 'BW Zerg');
    await sandbox.click('Join');
    await sandbox.waitForMessage(/^Searching for a match$/);
    await shoot('queued');

    await sandbox.openChannel('@ Direct messages');
    const found = await sandbox.waitForMessage(/^Match found: #\d+$/);
    await shoot('match-found');
    await sandbox.click('Confirm', found);
    const card = await sandbox.waitForMessage(/^Match #\d+: both confirmed, play!$/);
    await shoot(README_STEP);

    await sandbox.click('I won', card);
    await sandbox.click('Confirm: I won', card);
    const result = await sandbox.waitForMessage(/^Match #\d+: result$/);
    await sandbox.waitForText(result, /Ana won\./);
    await shoot('result');

    await sandbox.openChannel('# ladder');
    await sandbox.runCommand('leaderboard');
    await sandbox.waitForText(await sandbox.waitForMessage(/^Leaderboard$/), /Ana/);
    await shoot('leaderboard');
  });

  it('shows a conflict to the player, and lets the admin resolve it from the command box', async () => {
    const opponent = await sandbox.addPracticeOpponent({ race: 'SC2 Zerg', rating: '1500', region: 'Western Europe', behaviour: 'Confirms, then contradicts your report' });
    await sandbox.waitForStatus(opponent, /^queued as SC2 Zerg$/);
    await sandbox.runCommand('queue');
    await sandbox.waitForMessage(/^Queue$/);
    await sandbox.click('Join');
    await sandbox.openChannel('@ Direct messages');
    await sandbox.click('Confirm', await sandbox.waitForMessage(/^Match found: #\d+$/));
    const card = await sandbox.waitForMessage(/^Match #\d+: both confirmed, play!$/);
    await sandbox.click('I won', card);
    await sandbox.click('Confirm: I won', card);
    const conflict = await sandbox.waitForMessage(/^Match #\d+: the reports conflict$/);
    await shoot('conflict');
    const matchId = /#(\d+)/.exec((await conflict.locator('discord-embed').first().getAttribute('embed-title'))!)![1];

    await sandbox.actAs('admin');
    await sandbox.runCommandWith('admin', 'resolve', { match: matchId, result: 'Player 1 (Brood War) wins', reason: 'Replay shows Ana won' });
    await sandbox.click('Confirm', await sandbox.waitForMessage(new RegExp(`^Resolve match #${matchId}: `)));
    await sandbox.waitForMessage(new RegExp(`^Match #${matchId} resolved: `));
    await shoot('admin-resolved');

    await sandbox.actAs('ana');
    await sandbox.openChannel('@ Direct messages');
    await sandbox.waitForText(await sandbox.waitForMessage(new RegExp(`^Match #${matchId}: result$`)), /Ana won\. \(decided by an admin\)/);
    await shoot('resolved-for-the-player');
    await expect(sandbox.page.locator('#violations li').count()).resolves.toBe(0);
    if (process.env.README_SCREENSHOT === '1') copyFileSync(join(SCREENSHOTS, readmeShot()), join(ROOT, 'docs', 'images', 'sandbox.png'));
  });
});

function readmeShot(): string {
  return readdirSync(SCREENSHOTS).find((file) => file.endsWith(`-${README_STEP}.png`))!;
}
