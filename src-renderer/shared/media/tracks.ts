import type { SessionType } from '../../../protocol/sessions.js';

/** The tracks of `stream` a session of `type` sends: audio sessions send only audio. */
export function tracksFor(stream: MediaStream, type: SessionType): MediaStreamTrack[] {
  return type === 'audio' ? stream.getAudioTracks() : stream.getTracks();
}

/**
 * Makes `pc` send `tracks`: replaces the track of an existing sender of the same kind (no
 * renegotiation), adds a sender for a new kind (renegotiates) and clears senders of kinds gone.
 */
export async function syncSenders(pc: RTCPeerConnection, tracks: MediaStreamTrack[], stream: MediaStream): Promise<void> {
  const senders = pc.getSenders();
  const used = new Set<RTCRtpSender>();
  for (const track of tracks) {
    const sender = senders.find((s) => !used.has(s) && (s.track?.kind ?? senderKind(pc, s)) === track.kind);
    if (sender) {
      used.add(sender);
      if (sender.track !== track) await sender.replaceTrack(track);
      enableSending(pc, sender);
    } else {
      used.add(pc.addTrack(track, stream));
    }
  }
  for (const sender of senders) if (!used.has(sender) && sender.track) await sender.replaceTrack(null);
}

function senderKind(pc: RTCPeerConnection, sender: RTCRtpSender): string | undefined {
  return pc.getTransceivers().find((t) => t.sender === sender)?.receiver.track.kind;
}

/** A transceiver created to receive only (e.g. a guest link) must also send once it has a track. */
function enableSending(pc: RTCPeerConnection, sender: RTCRtpSender): void {
  const transceiver = pc.getTransceivers().find((t) => t.sender === sender);
  if (!transceiver) return;
  if (transceiver.direction === 'recvonly') transceiver.direction = 'sendrecv';
  else if (transceiver.direction === 'inactive') transceiver.direction = 'sendonly';
}
