import { createViewer } from './peers.js';
import { postOffer } from './whip-client.js';

/**
 * A new WHEP viewer of the live at `whepUrl`: the status of its offer and, when accepted (201), the size
 * of the first frame it decoded (then it leaves). Fault tests use it to show the live goes on over WebRTC.
 */
export async function whepFirstFrame(whepUrl: string): Promise<{ status: number; frame: { width: number; height: number } | null }> {
  const viewer = await createViewer();
  try {
    const played = await postOffer(whepUrl, viewer.offer);
    if (played.status !== 201) return { status: played.status, frame: null };
    await viewer.accept(played.body);
    return { status: played.status, frame: await viewer.firstFrame };
  } finally {
    viewer.close();
  }
}
