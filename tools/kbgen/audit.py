#!/usr/bin/env python3
"""Count how often each knowledge-base spelling occurs as a whole word in a news corpus, to find
aliases that are also common words (Swahili "mali" = wealth, Persian "دوشنبه" = Monday, Arabic
"كيف" = how) and should be short.

    python3 tools/kbgen/audit.py [--corpus DIR] [--top N] [--kb DIR]

The corpus is JSON Lines with `lang` and `text` fields (default ../shared/corpus relative to the
repository); the script exits quietly when it is absent. For each corpus language it prints the full
(non-short) variants with the most hits, and for Latin script the share of hits written in lower case,
a strong sign of a common word. Arabic and Persian hits include the proclitics the matcher strips.
"""
import argparse
import collections
import json
import pathlib
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from validate import fold  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
WORD = re.compile(r"\w+", re.UNICODE)
PROCLITICS = ("وبال", "وال", "فال", "بال", "لل", "ال", "و", "ف", "ب", "ل")


def load_variants(kb_dir):
    table = {}
    longest = 1
    for path in sorted(kb_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            profile = json.loads(line)
            for variant in profile["variants"]:
                key = tuple(WORD.findall(fold(variant["text"])))
                if not key:
                    continue
                longest = max(longest, len(key))
                table.setdefault(key, []).append((profile["id"], variant))
    return table, longest


def scan(text, table, longest, counts, lowercase):
    raw_words = WORD.findall(text)
    words = WORD.findall(fold(text))
    if len(words) != len(raw_words):
        raw_words = words
    for start in range(len(words)):
        first = words[start]
        candidates = [first] + [first[len(p):] for p in PROCLITICS
                                if first.startswith(p) and len(first) > len(p) + 1]
        for head in candidates:
            for length in range(1, longest + 1):
                key = (head,) + tuple(words[start + 1:start + length])
                if len(key) < length:
                    break
                if key in table:
                    counts[key] += 1
                    if raw_words[start][:1].islower():
                        lowercase[key] += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=pathlib.Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--kb", type=pathlib.Path, default=REPO / "Plugins" / "world" / "kb")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.jsonl")) if args.corpus.is_dir() else []
    if not files:
        print(f"audit.py: no corpus at {args.corpus}; nothing to audit")
        return 0
    table, longest = load_variants(args.kb)
    for path in files:
        counts, lowercase = collections.Counter(), collections.Counter()
        for line in path.open(encoding="utf-8"):
            article = json.loads(line)
            scan((article.get("title") or "") + "\n" + (article.get("text") or ""),
                 table, longest, counts, lowercase)
        print(f"== {path.name}: {sum(counts.values())} hits of {len(counts)} spellings")
        full = [(n, key) for key, n in counts.items()
                if any(not v.get("short") for _, v in table[key])]
        for n, key in sorted(full, reverse=True)[:args.top]:
            owners = ", ".join(sorted({ident for ident, _ in table[key]}))
            share = lowercase[key] / n
            flag = "  <- mostly lower case" if share > 0.5 and key[0].isascii() else ""
            print(f"{n:7d}  {' '.join(key)}  [{owners}]  lower {share:.0%}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
