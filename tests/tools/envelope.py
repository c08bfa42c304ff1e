#!/usr/bin/env python3
"""Compares a played sound with narrateur's WAV of the same text when the
device took another rate and channel count (no sample-exact comparison is
possible then). Prints one line:
  rate R channels C seconds S reference_seconds T envelope E channels_alike A
E: correlation of the 20 ms loudness envelopes of the first channel and
the reference (1 = the same speech, in time); A: the same between the
first and the last channel (1 = the mono voice on every channel).

Usage: envelope.py PLAYED.wav REFERENCE.wav
"""
import math
import struct
import sys
import wave


def read(path):
    with wave.open(path) as w:
        n, c, rate = w.getnframes(), w.getnchannels(), w.getframerate()
        samples = struct.unpack("<%dh" % (n * c), w.readframes(n))
    return [samples[i::c] for i in range(c)], rate


def envelope(x, rate, seconds=0.02):
    k = int(rate * seconds)
    return [math.sqrt(sum(v * v for v in x[i:i + k]) / k) for i in range(0, len(x) - k + 1, k)]


def correlation(x, y):
    n = min(len(x), len(y))
    x, y = x[:n], y[:n]
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((p - mx) * (q - my) for p, q in zip(x, y))
    sx = math.sqrt(sum((p - mx) ** 2 for p in x))
    sy = math.sqrt(sum((q - my) ** 2 for q in y))
    return sxy / (sx * sy) if sx and sy else 0.0


played, rate = read(sys.argv[1])
reference, ref_rate = read(sys.argv[2])
print("rate %d channels %d seconds %.3f reference_seconds %.3f envelope %.3f channels_alike %.3f" % (
    rate, len(played), len(played[0]) / rate, len(reference[0]) / ref_rate,
    correlation(envelope(played[0], rate), envelope(reference[0], ref_rate)),
    correlation(envelope(played[0], rate), envelope(played[-1], rate))))
