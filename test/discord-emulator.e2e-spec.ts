import { RefusedAction } from '../src/emulator';
import { FixtureModule, Gate } from './fixtures/fixture.module';
import { E2e, startE2e } from './support/e2e';
import { testDriver } from './support/test-database';
import { waitFor } from './support/wait-for';

describe(`the bot through the Discord emulator (${testDriver()})`, () => {
  let e2e: E2e;

  beforeAll(async () => {
    e2e = await startE2e({ imports: [FixtureModule] });
  });

  afterAll(async () => {
    await e2e.close();
  });

  afterEach(() => {
    expect(e2e.emulator.violations()).toEqual([]);
  });

  it('runs a slash command through necord and shows the reply', async () => {
    const ann = e2e.driver.createUser('ann');
    const outcome = await ann.runCommand('fixture');
    expect(outcome.acknowledged).toBe(true);
    expect(ann.visibleMessages().at(-1)).toMatch(/Fixture panel/);
  });

  it('disables a button on click before the slow step finishes, and refuses a second click', async () => {
    const ben = e2e.driver.createUser('ben');
    await ben.runCommand('fixture');
    const gate = e2e.app.get(Gate);
    gate.close();
    const clicked = ben.clickButton('Process');
    await waitFor('the processing state', () => /Processing…/.test(ben.visibleMessages().at(-1) ?? ''));
    expect(ben.visibleMessages().at(-1)).toMatch(/Processing….*disabled/);
    await expect(ben.clickButton('Process')).rejects.toBeInstanceOf(RefusedAction);
    gate.open();
    const outcome = await clicked;
    expect(outcome.acknowledged).toBe(true);
    expect(ben.visibleMessages().at(-1)).toMatch(/Processed step 1/);
  });

  it('routes a select and updates the message', async () => {
    const cai = e2e.driver.createUser('cai');
    await cai.runCommand('fixture');
    await cai.choose('Pick a race', ['sc2_protoss']);
    expect(cai.visibleMessages().at(-1)).toMatch(/Race: sc2_protoss/);
  });

  it('opens a pre-filled modal and reads what was typed', async () => {
    const dee = e2e.driver.createUser('dee');
    await dee.runCommand('fixture');
    await dee.clickButton('Open form');
    expect(dee.currentModal()?.fields.map((field) => [field.label, field.value])).toEqual([['Nickname', 'anon']]);
    await dee.fillModal({ Nickname: 'Dee the Zerg' });
    expect(dee.lastReply()).toMatch(/Hello Dee the Zerg/);
  });

  it('sends a direct message', async () => {
    const eve = e2e.driver.createUser('eve');
    await eve.runCommand('fixture');
    await eve.clickButton('DM me');
    expect(eve.dms().join('\n')).toMatch(/A direct message from the ladder/);
    expect(eve.lastReply()).toMatch(/Sent you a DM/);
  });

  it('records acknowledgement times per interaction', async () => {
    const fox = e2e.driver.createUser('fox');
    await fox.runCommand('fixture');
    await fox.clickButton('DM me');
    const timings = e2e.driver.timings().filter((timing) => timing.user === 'fox');
    expect(timings.map((timing) => timing.action)).toEqual(['/fixture', 'click DM me']);
    expect(timings.every((timing) => typeof timing.ackMs === 'number')).toBe(true);
  });
});
