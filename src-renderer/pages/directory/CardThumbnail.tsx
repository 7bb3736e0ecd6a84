import { useEffect, useState } from 'react';
import { routes } from '../../../protocol/routes.js';
import { createPageApi } from '../../shared/auth/auth-store.js';
import './directory.css';

const api = createPageApi();
/** The studio sends a new picture every 30 s; the card looks again as often. */
const REFRESH_MS = 30_000;

/** The live's program picture on its directory card (a plain dark box until the studio sends one). */
export function CardThumbnail({ sessionId }: { sessionId: string }) {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () =>
      api.call(routes.getThumbnail, { params: { id: sessionId } }).then(
        (r) => alive && setImage(r.image),
        () => undefined,
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [sessionId]);
  return (
    <a href={`/watch/${encodeURIComponent(sessionId)}`} className="card-thumb" tabIndex={-1} aria-hidden="true">
      {image ? <img src={image} alt="" data-testid="directory-thumbnail" /> : <span className="card-thumb-empty" />}
    </a>
  );
}
