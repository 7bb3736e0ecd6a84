#!/usr/bin/python3
"""GStreamer webrtcbin publishing x264enc H.264 (or vp8enc VP8) + Opus to a WHIP endpoint, shaped as OBS shapes its offer.

Independent of our code: Debian's GStreamer and libnice. The offer carries one H.264 payload type and
Opus and no candidates (webrtcbin trickles them; like OBS we never send them), with an optional
`Authorization: Bearer`. libnice ignores loopback, so 127.0.0.1 is added by hand (the relay is local).

Usage: whip_publish.py URL [--token T] [--profile constrained-baseline|main|high] [--codec h264|vp8]
                       [--pattern ball|moving-bars] [--seconds N]
Both codecs aim at 1.5 Mbps; `moving-bars` (scrolling SMPTE bars) is busy enough for both encoders to spend
it (the ball is not: ~0.2 Mbps), `ball` is the default.
Prints `status <code>`, then `location <path>` and `connected` (or the error body) on stdout; on
SIGTERM or after --seconds it sends DELETE to the resource and exits 0.
"""
import argparse
import signal
import sys
import urllib.error
import urllib.parse
import urllib.request

import gi

gi.require_version('Gst', '1.0')
gi.require_version('GstWebRTC', '1.0')
gi.require_version('GstSdp', '1.0')
gi.require_version('Nice', '0.1')
from gi.repository import GLib, Gst, GstSdp, GstWebRTC, Nice  # noqa: E402


def say(line):
    print(line, flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('url')
    parser.add_argument('--token')
    parser.add_argument('--profile', default='high')
    parser.add_argument('--codec', choices=['h264', 'vp8'], default='h264')
    parser.add_argument('--pattern', choices=['ball', 'moving-bars'], default='ball')
    parser.add_argument('--seconds', type=float, default=0)
    args = parser.parse_args()
    picture = 'pattern=ball' if args.pattern == 'ball' else 'pattern=smpte horizontal-speed=5'
    video = (
        'x264enc tune=zerolatency speed-preset=ultrafast bitrate=1500 key-int-max=60 ! '
        f'video/x-h264,profile={args.profile} ! h264parse ! '
        'rtph264pay config-interval=-1 aggregate-mode=zero-latency ! '
        'application/x-rtp,media=video,encoding-name=H264,payload=96'
    ) if args.codec == 'h264' else (
        'vp8enc deadline=1 cpu-used=8 end-usage=cbr target-bitrate=1500000 keyframe-max-dist=60 ! '
        'rtpvp8pay ! application/x-rtp,media=video,encoding-name=VP8,payload=96'
    )

    Gst.init(None)
    pipeline = Gst.parse_launch(
        'webrtcbin name=send bundle-policy=max-bundle '
        f'videotestsrc is-live=true {picture} ! video/x-raw,width=640,height=360,framerate=30/1 ! videoconvert ! '
        f'{video} ! send. '
        'audiotestsrc is-live=true wave=sine freq=440 ! audioconvert ! audioresample ! opusenc ! rtpopuspay ! '
        'application/x-rtp,media=audio,encoding-name=OPUS,payload=111 ! send.'
    )
    webrtc = pipeline.get_by_name('send')
    # Held for the whole run: PyGObject would otherwise drop a reference webrtcbin still needs.
    ice = webrtc.get_property('ice-agent')
    agent = ice.get_property('agent')
    loop = GLib.MainLoop()
    state = {'location': None, 'done': False, 'posted': False}

    def add_loopback(*_):
        address = Nice.Address()
        address.set_from_string('127.0.0.1')
        agent.add_local_address(address)

    add_loopback()

    def stop(code=0):
        if state['done']:
            return
        state['done'] = True
        if state['location']:
            target = urllib.parse.urljoin(args.url, state['location'])
            try:
                urllib.request.urlopen(urllib.request.Request(target, method='DELETE'), timeout=5).read()
            except urllib.error.URLError:
                pass
        pipeline.set_state(Gst.State.NULL)
        loop.quit()
        sys.exit(code) if code else None

    def post_offer(offer_sdp):
        headers = {'Content-Type': 'application/sdp'}
        if args.token is not None:
            headers['Authorization'] = f'Bearer {args.token}'
        request = urllib.request.Request(args.url, data=offer_sdp.encode(), headers=headers, method='POST')
        try:
            with urllib.request.urlopen(request, timeout=15) as reply:
                return reply.status, reply.headers.get('Location'), reply.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, None, err.read().decode()

    def on_offer(promise, *_user_data):
        promise.wait()
        reply = promise.get_reply()
        offer = reply.get_value('offer') if reply else None
        # webrtcbin asks again once every stream is linked; an early attempt yields no offer.
        if offer is None or state['posted']:
            return
        state['posted'] = True
        webrtc.emit('set-local-description', offer, None)
        text = offer.sdp.as_text()
        # OBS's shape: no candidates in the offer, one video payload type and Opus.
        text = ''.join(line + '\r\n' for line in text.splitlines() if line and not line.startswith('a=candidate'))
        status, location, body = post_offer(text)
        say(f'status {status}')
        if status != 201:
            say(f'body {body}')
            GLib.idle_add(stop)
            return
        state['location'] = location
        say(f'location {location}')
        _, sdp = GstSdp.SDPMessage.new_from_text(body)
        answer = GstWebRTC.WebRTCSessionDescription.new(GstWebRTC.WebRTCSDPType.ANSWER, sdp)
        webrtc.emit('set-remote-description', answer, None)

    def on_negotiation_needed(element):
        element.emit('create-offer', None, Gst.Promise.new_with_change_func(on_offer, None, None))

    def on_state(element, _pspec):
        value = element.get_property('connection-state')
        if value == GstWebRTC.WebRTCPeerConnectionState.CONNECTED:
            say('connected')
        elif value == GstWebRTC.WebRTCPeerConnectionState.FAILED:
            say('failed')

    webrtc.connect('on-negotiation-needed', on_negotiation_needed)
    webrtc.connect('notify::connection-state', on_state)
    # Trickled candidates are dropped, exactly as an encoder without PATCH support does.
    webrtc.connect('on-ice-candidate', lambda *_: None)

    for signum in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signum, lambda: stop() or False)
    if args.seconds > 0:
        GLib.timeout_add(int(args.seconds * 1000), lambda: stop() or False)
    pipeline.set_state(Gst.State.PLAYING)
    loop.run()


if __name__ == '__main__':
    main()
