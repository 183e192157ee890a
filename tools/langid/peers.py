#!/usr/bin/env python3
"""Runs py3langid and pycld2 on the sentences written by `toolkit-bench langid`.

    python tools/langid/peers.py [--json] SENTENCES.tsv

The file has a header line, then `set<TAB>lang<TAB>text` per sentence. Prints accuracy per
set and sentences per second for each peer, as a table (or JSON lines with --json, which is
what toolkit-bench reads to put the peers beside NewsKit). A peer that does not import is
reported as unavailable, not as an error.
"""
import json
import sys
import time
from collections import defaultdict

# Codes the peers give that differ from ISO 639-1 as NewsKit reports them.
ALIASES = {"iw": "he", "in": "id", "jw": "jv", "zh-Hant": "zh", "zh-Hans": "zh"}


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t", 2)
            if len(parts) == 3:
                rows.append(parts)
    return rows


def peer_py3langid():
    import py3langid
    py3langid.classify("warm up the model")
    return lambda text: py3langid.classify(text)[0]


def peer_pycld2():
    import pycld2

    def identify(text):
        try:
            _, _, details = pycld2.detect(text)
        except pycld2.error:
            return "und"
        return details[0][1]
    return identify


PEERS = [("py3langid", peer_py3langid), ("pycld2", peer_pycld2)]


def main():
    args = [a for a in sys.argv[1:] if a != "--json"]
    as_json = "--json" in sys.argv[1:]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    rows = load(args[0])
    for name, make in PEERS:
        try:
            identify = make()
        except Exception as error:  # ImportError, or a model that fails to load
            if as_json:
                print(json.dumps({"tool": name, "unavailable": f"{type(error).__name__}: {error}"}))
            else:
                print(f"{name}: unavailable ({error})")
            continue
        counts = defaultdict(lambda: [0, 0])
        start = time.perf_counter()
        answers = [identify(text) for _, _, text in rows]
        elapsed = time.perf_counter() - start
        for (set_name, lang, _), answer in zip(rows, answers):
            answer = ALIASES.get(answer, answer).split("-")[0]
            counts[set_name][0] += 1
            counts[set_name][1] += answer == lang
        per_second = len(rows) / elapsed if elapsed > 0 else 0.0
        if as_json:
            for set_name in sorted(counts):
                print(json.dumps({"tool": name, "set": set_name, "count": counts[set_name][0],
                                  "correct": counts[set_name][1]}))
            print(json.dumps({"tool": name, "per_second": per_second}))
        else:
            total = sum(c for c, _ in counts.values())
            correct = sum(k for _, k in counts.values())
            print(f"{name}")
            print(f"{'set':14}  count  accuracy")
            for set_name in sorted(counts):
                c, k = counts[set_name]
                print(f"{set_name:14}  {c:5d}  {k / c:8.3f}")
            print(f"{'overall':14}  {total:5d}  {correct / total:8.3f}")
            print(f"speed: {per_second:.0f} sentences/s")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
