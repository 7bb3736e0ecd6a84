import path from 'node:path';
import { routes } from '../../../protocol/routes.js';
import { expect, test } from '../support/fixtures.js';
import { signInToStudio } from '../support/studio.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/creators');

test('a creator announces a live from the studio; followers see it as "Scheduled" on the profile and the directory; a past time is refused in words', async ({
  relay,
  newPage,
}) => {
  const creator = await relay.signUp('creator', 'Awa Diop');
  const studio = await newPage();
  await signInToStudio(studio, creator);
  const panel = studio.getByTestId('schedule-panel');
  await panel.locator('summary').click();

  // A time that has passed: refused, nothing announced.
  await panel.getByTestId('schedule-title').fill('Yesterday show');
  await panel.getByTestId('schedule-when').fill('2020-01-01T20:00');
  await panel.getByTestId('schedule-submit').click();
  await expect(panel.getByTestId('schedule-status')).toHaveText(/has passed/);
  await expect(panel.getByTestId('schedule-mine')).toHaveCount(0);

  await panel.getByTestId('schedule-title').fill('Griot evening');
  await panel.getByTestId('schedule-when').fill('2099-12-31T20:00');
  await panel.getByTestId('schedule-submit').click();
  // 2099 is beyond 90 days: refused too.
  await expect(panel.getByTestId('schedule-status')).toHaveText(/90 days/);
  const inTwoDays = new Date(Date.now() + 2 * 24 * 60 * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${inTwoDays.getFullYear()}-${pad(inTwoDays.getMonth() + 1)}-${pad(inTwoDays.getDate())}T20:00`;
  await panel.getByTestId('schedule-when').fill(local);
  await panel.getByTestId('schedule-submit').click();
  await expect(panel.getByTestId('schedule-mine')).toHaveCount(1);
  await expect(panel.getByTestId('schedule-mine')).toContainText('Griot evening');
  await studio.screenshot({ path: path.join(shots, 'studio-schedule.png') });

  const fan = await newPage();
  await fan.goto(`/u/${creator.user.username}`);
  await expect(fan.getByTestId('profile-scheduled').getByTestId('scheduled-live')).toContainText('Griot evening');
  await fan.screenshot({ path: path.join(shots, 'profile-scheduled.png') });
  await fan.goto('/');
  await expect(fan.getByTestId('directory-scheduled').getByTestId('scheduled-live').filter({ hasText: 'Griot evening' })).toContainText('Awa Diop');
  await fan.screenshot({ path: path.join(shots, 'directory-scheduled.png') });

  // Withdrawn from the studio: gone for everyone.
  await panel.getByTestId('schedule-withdraw').click();
  await expect(panel.getByTestId('schedule-mine')).toHaveCount(0);
  expect((await relay.call(null, routes.creatorScheduledLives, { params: { userId: creator.user.id } })).scheduledLives).toEqual([]);
});
