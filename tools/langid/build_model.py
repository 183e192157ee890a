#!/usr/bin/env python3
"""Builds Sources/NewsKit/Resources/langid/langid.bin, the n-gram model of LanguageIdentifier.

Run with the venv that has wordfreq (see README.md):
    python tools/langid/build_model.py [--out PATH] [--floor 1e-6]

Model: for each language written in a script shared by several languages (Latin, Cyrillic,
Arabic, Devanagari) a naive Bayes profile of character 1..5-grams of words padded with
spaces. A weight is log P(ngram | language) above a common floor, quantized. Scripts used by
one language (Greek, Hangul, Thai, ...) need no profile: the Swift side decides them by script.

Output is deterministic for the same inputs (sorted iteration, no randomness).
"""
import argparse
import hashlib
import math
import pickle
import os
import struct
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sources  # noqa: E402
from textfold import MAX_ORDER, WORD_ORDER, ngram_hash, token_ngrams, word_hash  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_OUT = os.path.join(ROOT, "Sources", "NewsKit", "Resources", "langid", "langid.bin")

# (ISO 639-1 code, ISO 15924 script, gettext locale or None)
MODEL_LANGUAGES = [
    ("en", "Latn", None), ("fr", "Latn", None), ("de", "Latn", None), ("es", "Latn", None),
    ("pt", "Latn", None), ("it", "Latn", None), ("nl", "Latn", None), ("tr", "Latn", None),
    ("az", "Latn", "az"), ("uz", "Latn", "uz"), ("sw", "Latn", "sw"), ("id", "Latn", None),
    ("ms", "Latn", None), ("pl", "Latn", None), ("ro", "Latn", None), ("sv", "Latn", None),
    ("vi", "Latn", None), ("ha", "Latn", "ha"), ("so", "Latn", "so"), ("yo", "Latn", "yo"),
    ("cs", "Latn", None), ("hu", "Latn", None), ("fi", "Latn", None),
    ("da", "Latn", None), ("nb", "Latn", None), ("ca", "Latn", None), ("sk", "Latn", None),
    ("ku", "Latn", "ku"),
    ("ru", "Cyrl", None), ("uk", "Cyrl", None), ("bg", "Cyrl", None), ("kk", "Cyrl", "kk"),
    ("ky", "Cyrl", "ky"), ("tg", "Cyrl", "tg"), ("uz", "Cyrl", "uz@cyrillic"),
    ("be", "Cyrl", "be"), ("sr", "Cyrl", "sr"), ("mk", "Cyrl", None),
    ("ar", "Arab", None), ("fa", "Arab", None), ("ur", "Arab", None), ("ps", "Arab", "ps"),
    ("ckb", "Arab", "ckb"), ("sd", "Arab", "sd"), ("ug", "Arab", "ug"),
    ("hi", "Deva", None), ("mr", "Deva", "mr"), ("ne", "Deva", "ne"),
]

WORDFREQ_TOP = 40000
# How much of each language's token distribution each source gets (renormalized over the
# sources that exist for the language).
MIX_WITH_WORDFREQ = {"wordfreq": 0.85, "own": 0.15}
MIX_WITHOUT_WORDFREQ = {"own": 0.5, "gettext": 0.3, "dictionary": 0.2}
# Profile size per order and language (orders 2 and 5 are computed but, by default, not
# kept: the bench showed no accuracy for their cost in lookups and size). With 48 languages,
# 6000 / 4500 / 1200 needed 2^19 slots (3.1 MB); these sizes fit 2^18 (1.9 MB) at the same
# overall accuracy on the benchmark.
TOP_PER_ORDER = {1: 400, 2: 2500, 3: 5000, 4: 4000, 5: 6000, WORD_ORDER: 800}
# Open addressing stays fast while at most this share of the slots is taken. 0.8 (was 0.75)
# keeps the 48 languages in 2^18 slots; `toolkit-bench langid --speed-only` measured the same
# median speed as the 37-language model at 0.75, its best run 8% lower.
MAX_LOAD = 0.8
WEIGHTS_PER_NAT = 32
MAX_WEIGHT = 511
SLOT_EMPTY = 0xFFFFFFFF
OFFSET_BITS = 22


def language_distribution(code, script, locale):
    parts = {}
    wf = sources.wordfreq_tokens(code, script, WORDFREQ_TOP) if script != "Cyrl" or code != "uz" else {}
    if wf:
        parts["wordfreq"] = wf
    parts["own"] = sources.own_sentences(code, script)
    if not wf and locale:
        parts["gettext"] = sources.gettext_tokens(locale, script)
    if not wf:
        translit = sources.uzbek_latin if (code == "uz" and script == "Latn") else None
        parts["dictionary"] = sources.dictionary_tokens(code, script, translit)
    mix = MIX_WITH_WORDFREQ if wf else MIX_WITHOUT_WORDFREQ
    present = {k: v for k, v in parts.items() if v and k in mix}
    share = sum(mix[k] for k in present)
    dist = defaultdict(float)
    for name in sorted(present):
        for tok, p in sources.normalized(present[name]).items():
            dist[tok] += p * mix[name] / share
    sizes = {k: len(v) for k, v in parts.items()}
    return dict(dist), sizes


def ngram_profile(dist):
    """{(order, code points): probability within that order} for the most frequent features."""
    counts = {n: defaultdict(float) for n in list(range(1, MAX_ORDER + 1)) + [WORD_ORDER]}
    for tok in sorted(dist):
        p = dist[tok]
        counts[WORD_ORDER][tuple(tok)] += p
        for n, gram in token_ngrams(tok):
            counts[n][gram] += p
    profile = {}
    for n, table in counts.items():
        total = sum(table.values())
        ranked = sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_PER_ORDER[n]]
        for gram, c in ranked:
            profile[(n, gram)] = c / total
    return profile


def cached_profile(code, script, locale, cache_dir):
    """The profile of one language; with a cache directory, reused while its inputs stay the same."""
    if not cache_dir:
        return ngram_profile(language_distribution(code, script, locale)[0])
    own = os.path.join(os.path.dirname(os.path.abspath(__file__)), "train", code + ".txt")
    stamp = repr((TOP_PER_ORDER, WORDFREQ_TOP, MIX_WITH_WORDFREQ, MIX_WITHOUT_WORDFREQ,
                  open(own, "rb").read() if os.path.exists(own) else b"",
                  open(sources.__file__, "rb").read()))
    key = hashlib.sha256(stamp.encode()).hexdigest()[:16]
    path = os.path.join(cache_dir, f"{code}-{script}-{key}.pickle")
    if os.path.exists(path):
        import wordfreq
        if code not in wordfreq.available_languages("small"):
            sources.declare_inputs(code, locale)
        with open(path, "rb") as f:
            return pickle.load(f)
    dist, sizes = language_distribution(code, script, locale)
    print(f"{code:3} {script} tokens={len(dist):7d} sources={sizes}", file=sys.stderr)
    profile = ngram_profile(dist)
    os.makedirs(cache_dir, exist_ok=True)
    with open(path, "wb") as f:
        pickle.dump(profile, f)
    return profile


def build(floor, out_path, orders, cache_dir=None):
    log_floor = math.log(floor)
    profiles = []
    for index, (code, script, locale) in enumerate(MODEL_LANGUAGES):
        profile = cached_profile(code, script, locale, cache_dir)
        # Single ASCII letters tell Latin languages apart too weakly to pay for a lookup each.
        profiles.append({key: p for key, p in profile.items()
                         if key[0] in orders and not (key[0] == 1 and key[1][0] < 0x80)})

    # n-gram -> [(language index, weight)]
    rows = defaultdict(list)
    keys = {}
    # How often an n-gram is met in any language: rows of frequent n-grams go first in the
    # entry array, so the ones most lookups touch share a few cache-resident pages.
    heat = defaultdict(float)
    for index, profile in enumerate(profiles):
        for key, p in profile.items():
            weight = round((math.log(p) - log_floor) * WEIGHTS_PER_NAT)
            if weight <= 0:
                continue
            order, gram = key
            h = word_hash(gram) if order == WORD_ORDER else ngram_hash(gram)
            if keys.setdefault(h, key) != key:
                raise SystemExit(f"64-bit hash collision: {key} {keys[h]}")
            rows[h].append((index, min(weight, MAX_WEIGHT)))
            heat[h] = max(heat[h], p)

    entries = []
    slot_bits = max(10, math.ceil(math.log2(len(rows) / MAX_LOAD)))
    slots = [SLOT_EMPTY] * (1 << slot_bits)
    mask = (1 << slot_bits) - 1
    shadowed = 0
    placed = {}
    for h in sorted(rows):
        fingerprint = h >> (64 - (32 - OFFSET_BITS))
        i = h & mask
        clash = False
        while slots[i] != SLOT_EMPTY:
            if slots[i] == fingerprint:
                clash = True  # a lookup would stop at the earlier key: drop this one
                break
            i = (i + 1) & mask
        if clash:
            shadowed += 1
            continue
        slots[i] = fingerprint
        placed[h] = i
    for h in sorted(placed, key=lambda k: (-heat[k], k)):
        row = rows[h]
        row = sorted(row)
        offset = len(entries)
        assert offset < (1 << OFFSET_BITS)
        slots[placed[h]] = (slots[placed[h]] << OFFSET_BITS) | offset
        for k, (lang, weight) in enumerate(row):
            last = 1 if k == len(row) - 1 else 0
            entries.append((last << 15) | (lang << 9) | weight)

    with open(out_path, "wb") as f:
        f.write(b"NKLI")
        order_mask = sum(1 << n for n in orders)
        f.write(struct.pack("<7I", 1, order_mask, WEIGHTS_PER_NAT, len(MODEL_LANGUAGES), slot_bits,
                            len(entries), OFFSET_BITS))
        for code, script, _ in MODEL_LANGUAGES:
            f.write(code.encode().ljust(4, b"\0") + script.encode())
        f.write(struct.pack(f"<{len(slots)}I", *slots))
        f.write(struct.pack(f"<{len(entries)}H", *entries))
    size = os.path.getsize(out_path)
    print(f"wrote {out_path}: {len(rows)} n-grams, {len(entries)} weights, 2^{slot_bits} slots, "
          f"{shadowed} dropped by fingerprint clash, {size} bytes", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--floor", type=float, default=1e-6,
                        help="probability below which an n-gram earns a language nothing")
    parser.add_argument("--orders", default="1,3,4,6",
                        help=f"n-gram orders the model keeps ({WORD_ORDER}: whole words)")
    parser.add_argument("--cache", help="directory for per-language profiles between runs (not needed)")
    parser.add_argument("--manifest", default=os.path.join(os.path.dirname(__file__), "MANIFEST.txt"))
    args = parser.parse_args()
    orders = sorted(int(n) for n in args.orders.split(","))
    build(args.floor, args.out, orders, args.cache)
    from importlib.metadata import version
    with open(args.manifest, "w") as f:
        f.write("# Inputs read by build_model.py (path, Debian package, sha256 prefix)\n")
        f.write(f"wordfreq=={version('wordfreq')} (PyPI)\n")
        for path, package, digest in sources.manifest():
            f.write(f"{path}\t{package}\t{digest}\n")


if __name__ == "__main__":
    main()
