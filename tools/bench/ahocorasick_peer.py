#!/usr/bin/env python3
"""pyahocorasick on the same folded text and folded patterns as `toolkit-bench matcher`.

The Swift benchmark writes the folded knowledge-base spellings (one per line) and one copy of
the folded corpus to files and runs this script with the virtual environment's python; this
script scans the text as many times as it takes to reach --mb megabytes (10^6 bytes of UTF-8,
the same unit the Swift side uses) and prints one JSON object:

  build_ms      automaton construction time
  bytes         UTF-8 bytes scanned
  seconds       scan time (CPU time of the scanning thread)
  mb_per_s      bytes / seconds / 10^6, for `iter` (every overlapping match, like the Swift
                raw scan)
  matches       matches found by `iter` over all repetitions
  matches_per_copy
  long_mb_per_s, long_matches_per_copy: the same for `iter_long` (leftmost-longest,
                non-overlapping), when --long is given

Usage: ahocorasick_peer.py --patterns FILE --text FILE [--mb 200] [--long]
Install: python3 -m venv .venv-bench && .venv-bench/bin/pip install pyahocorasick
"""

import argparse
import json
import math
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patterns", required=True, help="folded spellings, one per line (UTF-8)")
    parser.add_argument("--text", required=True, help="folded text (UTF-8)")
    parser.add_argument("--mb", type=float, default=200.0, help="megabytes to scan (10^6 bytes)")
    parser.add_argument("--long", action="store_true", help="also time iter_long")
    args = parser.parse_args()

    try:
        import ahocorasick
    except ImportError:
        print(json.dumps({"error": "pyahocorasick is not installed (pip install pyahocorasick)"}))
        return 2

    with open(args.patterns, encoding="utf-8") as handle:
        patterns = [line.rstrip("\n") for line in handle]
    patterns = [p for p in patterns if p]
    with open(args.text, encoding="utf-8") as handle:
        text = handle.read()
    copy_bytes = len(text.encode("utf-8"))
    if copy_bytes == 0 or not patterns:
        print(json.dumps({"error": "empty text or pattern list"}))
        return 2

    started = time.perf_counter()
    automaton = ahocorasick.Automaton()
    for index, pattern in enumerate(patterns):
        automaton.add_word(pattern, index)
    automaton.make_automaton()
    build_ms = (time.perf_counter() - started) * 1000

    repetitions = max(1, math.ceil(args.mb * 1e6 / copy_bytes))
    matches = 0
    # CPU time of this thread, like the Swift side: the machine may be shared.
    started = time.thread_time()
    for _ in range(repetitions):
        for _ in automaton.iter(text):
            matches += 1
    seconds = time.thread_time() - started
    scanned = copy_bytes * repetitions
    result = {
        "patterns": len(patterns),
        "build_ms": round(build_ms, 1),
        "bytes": scanned,
        "seconds": round(seconds, 3),
        "mb_per_s": round(scanned / seconds / 1e6, 2),
        "matches": matches,
        "matches_per_copy": matches // repetitions,
    }

    if args.long:
        long_matches = 0
        started = time.thread_time()
        for _ in range(repetitions):
            for _ in automaton.iter_long(text):
                long_matches += 1
        long_seconds = time.thread_time() - started
        result["long_mb_per_s"] = round(scanned / long_seconds / 1e6, 2)
        result["long_matches_per_copy"] = long_matches // repetitions

    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
