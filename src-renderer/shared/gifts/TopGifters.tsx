import type { Gifter } from '../../../protocol/gifts.js';
import { t } from '../i18n/index.js';
import { coinsText } from './coins-text.js';

const MEDALS = ['🥇', '🥈', '🥉'];

/** The live's biggest gifters, most coins first. */
export function TopGifters({ gifters }: { gifters: Gifter[] }) {
  if (gifters.length === 0) return null;
  return (
    <section className="top-gifters" data-testid="top-gifters" aria-label={t('gifts.top')}>
      <h3>{t('gifts.top')}</h3>
      <ol>
        {gifters.slice(0, 5).map((g, i) => (
          <li key={g.userId} data-testid="top-gifter">
            <span aria-hidden="true">{MEDALS[i] ?? '•'}</span> <span className="name">{g.displayName}</span>{' '}
            <span className="muted">{coinsText(g.coins)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
