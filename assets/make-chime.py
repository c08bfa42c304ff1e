#!/usr/bin/env python3
"""Makes assets/chime.wav, the short sound for --intro / --outro: two soft
bell strokes a fifth apart (E5 then B5), 1.6 s, 44 100 Hz mono 16-bit,
peaking at -6 dBFS. Each stroke is a few inharmonic partials (a bell's
ratios 1, 2.0, 2.76, 5.4) with a 4 ms attack and exponential decays, the
higher partials dying faster. Deterministic: the same bytes every run.

Usage: assets/make-chime.py [OUTPUT]   (default: chime.wav next to this script)
"""
import math
import os
import struct
import sys
import wave

RATE = 44100
LENGTH_S = 1.6
PEAK_DBFS = -6.0
# (start in s, fundamental in Hz)
STROKES = [(0.0, 659.26), (0.28, 987.77)]
# (frequency ratio, relative amplitude, decay time constant in s)
PARTIALS = [(1.0, 1.0, 0.55), (2.0, 0.45, 0.30), (2.76, 0.25, 0.18), (5.4, 0.10, 0.08)]
ATTACK_S = 0.004
FADE_S = 0.05  # the very end fades to silence


def sample(t):
    v = 0.0
    for start, f0 in STROKES:
        u = t - start
        if u < 0:
            continue
        attack = min(1.0, u / ATTACK_S)
        for ratio, amp, decay in PARTIALS:
            v += attack * amp * math.exp(-u / decay) * math.sin(2 * math.pi * f0 * ratio * u)
    return v


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "chime.wav")
    n = int(RATE * LENGTH_S)
    values = []
    for i in range(n):
        t = i / RATE
        fade = min(1.0, (LENGTH_S - t) / FADE_S)
        values.append(sample(t) * fade)
    scale = 10 ** (PEAK_DBFS / 20) / max(abs(v) for v in values)
    frames = b"".join(struct.pack("<h", int(round(v * scale * 32767))) for v in values)
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


if __name__ == "__main__":
    main()
