import { useEffect, useState } from 'react';
import { useServices } from '../../context.js';

const SHOWN_MS = 4000;

/** A passing line at the bottom of the window for what a menu command did ("Scene collection saved"). */
export function CommandNotice() {
  const { commands } = useServices();
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = commands.onNotice((next) => {
      setText(next);
      clearTimeout(timer);
      timer = setTimeout(() => setText(null), SHOWN_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [commands]);
  if (!text) return null;
  return (
    <div className="command-notice" role="status" data-testid="command-notice">
      {text}
    </div>
  );
}
