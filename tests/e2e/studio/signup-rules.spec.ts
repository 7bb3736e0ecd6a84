import path from 'node:path';
import { expect, test } from '../support/fixtures.js';
import { uniqueUser } from './helpers.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/signup');

test('sign-up states its rules before typing and says what is wrong after, in English', async ({ page, relayUrl }) => {
  await page.goto(`${relayUrl}/studio`);
  // Before: the rules are on screen under each field.
  await expect(page.getByTestId('auth-username-rule')).toHaveText('3 to 32 characters: lowercase letters a–z, digits and _ (no spaces).');
  await expect(page.getByTestId('auth-password-rule')).toHaveText('At least 8 characters.');
  await page.screenshot({ path: path.join(shots, 'signup-rules-en.png') });

  // After: a name with a space and a 3-character password, each said plainly; nothing is created.
  const requests: string[] = [];
  page.on('request', (r) => r.url().includes('/api/auth/register') && requests.push(r.url()));
  await page.getByTestId('auth-username').fill('ama kofi');
  await page.getByTestId('auth-password').fill('abc');
  await page.getByTestId('auth-register').click();
  await expect(page.getByTestId('auth-username-error')).toHaveText('The username cannot contain spaces: use _ instead (ama_kofi).');
  await expect(page.getByTestId('auth-password-error')).toHaveText('The password is too short: use at least 8 characters.');
  await expect(page.getByTestId('auth-username')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: path.join(shots, 'signup-errors-en.png') });
  expect(requests).toEqual([]);

  // Capitals get a suggestion; fixing a field clears its message.
  await page.getByTestId('auth-username').fill('Ama_Kofi');
  await expect(page.getByTestId('auth-username-error')).toHaveCount(0);
  await page.getByTestId('auth-register').click();
  await expect(page.getByTestId('auth-username-error')).toHaveText('The username uses lowercase letters only: try “ama_kofi”.');

  // Following the rules creates the account.
  const username = uniqueUser('ama');
  await page.getByTestId('auth-username').fill(username);
  await page.getByTestId('auth-password').fill('correct horse battery');
  await page.getByTestId('auth-register').click();
  await expect(page.getByTestId('source-add')).toBeVisible();
  expect(requests).toHaveLength(1);
});

test('sign-up rules and errors in French', async ({ browser, relayUrl }) => {
  const context = await browser.newContext({ baseURL: relayUrl, locale: 'fr-FR' });
  const page = await context.newPage();
  try {
    await page.goto(`${relayUrl}/studio`);
    await expect(page.getByTestId('auth-username-rule')).toHaveText('De 3 à 32 caractères : lettres minuscules a–z, chiffres et _ (sans espace).');
    await expect(page.getByTestId('auth-password-rule')).toHaveText('Au moins 8 caractères.');
    await page.getByTestId('auth-username').fill('jo');
    await page.getByTestId('auth-password').fill('1234567');
    await page.getByTestId('auth-register').click();
    await expect(page.getByTestId('auth-username-error')).toHaveText('Le nom d’utilisateur est trop court : au moins 3 caractères.');
    await expect(page.getByTestId('auth-password-error')).toHaveText('Le mot de passe est trop court : au moins 8 caractères.');
    await page.getByTestId('auth-username').fill('joël');
    await page.getByTestId('auth-register').click();
    await expect(page.getByTestId('auth-username-error')).toHaveText('Le nom d’utilisateur n’accepte que a–z, 0–9 et _ (ni accents ni autres signes).');
    await page.screenshot({ path: path.join(shots, 'signup-errors-fr.png') });
  } finally {
    await context.close();
  }
});
