#!/usr/bin/env python3
"""Listening: time from start to the first audio reaching the device, on
a 1 KB and a 10 MB article, and the device's underruns during a few
seconds of real-time playback. The device is ALSA's `file` plugin
(tests/alsa-capture.conf for the first sound: the moment the first samples
land in the capture file; tests/alsa-paced.conf, paced at real time by
tests/pace, for the underruns). Best (and median) of five runs.

Usage: bench/listening.py [BUILD_DIR]
"""
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
NARRATEUR = os.path.join(BUILD, "src", "narrateur")
PACE = os.path.join(BUILD, "tests", "pace")
ARTICLE = os.path.join(ROOT, "assets", "exemple-article.txt")
RUNS = 5


def make_input(path, size):
    with open(ARTICLE, "rb") as f:
        text = f.read()
    with open(path, "wb") as out:
        written = 0
        while written < size:
            piece = text[: size - written]
            out.write(piece)
            written += len(piece)


def first_audio(article, capture):
    """Seconds from spawning narrateur to the first samples in the capture."""
    env = dict(os.environ, ALSA_CONFIG_PATH=os.path.join(ROOT, "tests", "alsa-capture.conf"),
               NARRATEUR_TEST_CAPTURE=capture)
    if os.path.exists(capture):
        os.unlink(capture)
    start = time.monotonic()
    proc = subprocess.Popen([NARRATEUR, article], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            if os.path.getsize(capture) > 44:  # more than the WAV header
                break
        except OSError:
            pass
        if proc.poll() is not None:
            sys.exit("narrateur ended before any sound")
        time.sleep(0.0005)
    elapsed = time.monotonic() - start
    proc.send_signal(signal.SIGTERM)
    proc.wait()
    return elapsed


def underruns(article, seconds, tmp):
    env = dict(os.environ, ALSA_CONFIG_PATH=os.path.join(ROOT, "tests", "alsa-paced.conf"),
               NARRATEUR_TEST_CAPTURE=f"|exec {PACE} 22050 1 {tmp}/paced.wav",
               NARRATEUR_STATS="1")
    proc = subprocess.Popen([NARRATEUR, article], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(seconds)
    proc.send_signal(signal.SIGTERM)
    err = proc.communicate()[1]
    for line in err.splitlines():
        if line.startswith("narrateur: underruns: "):
            return int(line.split()[-1])
    return None


def main():
    with tempfile.TemporaryDirectory() as tmp:
        capture = os.path.join(tmp, "capture.wav")
        print("| article | first audio, best | median |")
        print("|---|---|---|")
        for name, size in (("1 KB", 1000), ("10 MB", 10_000_000)):
            path = os.path.join(tmp, name.replace(" ", "") + ".txt")
            make_input(path, size)
            times = [first_audio(path, capture) for _ in range(RUNS)]
            print(f"| {name} | {min(times) * 1000:.0f} ms | "
                  f"{statistics.median(times) * 1000:.0f} ms |")
        big = os.path.join(tmp, "10MB.txt")
        print(f"\nUnderruns in 10 s of real-time playback (10 MB article): "
              f"{underruns(big, 10, tmp)}")


if __name__ == "__main__":
    main()
