import { useEffect, useRef, useState } from 'react';
import { REACTIONS, type Emoji, type ReactionCounts } from '../../../protocol/chat.js';
import { t } from '../i18n/index.js';

export const REACTION_EMOJIS = REACTIONS;
const FLOAT_MS = 2_000;
const MAX_FLOATING = 30;

interface Floating {
  key: number;
  emoji: string;
  left: number;
}

type ReactionSubscribe = (listener: (recent: Array<{ emoji: string }>) => void) => () => void;

/** Everyone's reactions floating up over the player as they happen. */
export function FloatingReactions({ subscribe }: { subscribe: ReactionSubscribe }) {
  const [floating, setFloating] = useState<Floating[]>([]);
  const nextKey = useRef(0);
  useEffect(
    () =>
      subscribe((recent) => {
        const added = recent.map((r) => ({ key: nextKey.current++, emoji: r.emoji, left: 10 + Math.random() * 80 }));
        setFloating((list) => [...list, ...added].slice(-MAX_FLOATING));
        const keys = new Set(added.map((a) => a.key));
        setTimeout(() => setFloating((list) => list.filter((f) => !keys.has(f.key))), FLOAT_MS);
      }),
    [subscribe],
  );
  return (
    <div className="floating-layer" aria-hidden="true">
      {floating.map((f) => (
        <span key={f.key} className="floating-emoji" data-testid="floating-reaction" style={{ left: `${f.left}%` }}>
          {f.emoji}
        </span>
      ))}
    </div>
  );
}

/** Reaction buttons with their counts; disabled when `onReact` is absent (no identity yet). */
export function ReactionBar({ counts, onReact }: { counts: ReactionCounts; onReact?: ((emoji: Emoji) => void) | undefined }) {
  return (
    <div className="reaction-bar" role="group" aria-label={t('reactions.label')}>
      {REACTION_EMOJIS.map((emoji) => (
        <button
          key={emoji}
          type="button"
          className="reaction-button"
          data-testid="reaction-button"
          data-emoji={emoji}
          disabled={!onReact}
          aria-label={t('reactions.send', { emoji })}
          onClick={() => onReact?.(emoji)}
        >
          <span aria-hidden="true">{emoji}</span> <span className="reaction-count">{counts[emoji] ?? 0}</span>
        </button>
      ))}
    </div>
  );
}
