#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz target into a scratch folder (never into the repository):
the sample articles of seeds/ and, when the shared corpus is present, a fixed sample of its
records, cut to sizes the fuzzers mutate quickly.

usage: seeds.py OUT_DIR [CORPUS_DIR]
"""
import json
import os
import random
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PER_FILE = 40          # records sampled from each corpus file
MAX_ARTICLE = 6000     # bytes of an article seed: enough for every block kind
MAX_SNIPPET = 400      # bytes of a language-id or date seed


def cut(text, limit):
    data = text.encode("utf-8")[:limit]
    return data.decode("utf-8", "ignore").encode("utf-8")


def write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def main():
    out = sys.argv[1]
    corpus = sys.argv[2] if len(sys.argv) > 2 else None
    seeds_dir = os.path.join(REPO, "seeds")
    articles = []
    for name in sorted(os.listdir(seeds_dir)):
        if name.endswith(".txt"):
            with open(os.path.join(seeds_dir, name), encoding="utf-8") as f:
                articles.append(f.read())
    lines, dates = [], []
    if corpus and os.path.isdir(corpus):
        rng = random.Random(7)  # the same sample on every run
        for name in sorted(os.listdir(corpus)):
            if not name.endswith(".jsonl"):
                continue
            with open(os.path.join(corpus, name), encoding="utf-8") as f:
                records = f.readlines()
            for line in rng.sample(records, min(PER_FILE, len(records))):
                lines.append(line)
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if isinstance(record.get("text"), str):
                    articles.append(record["text"])
                if isinstance(record.get("date"), str):
                    dates.append(record["date"])
    else:
        print("seeds.py: no corpus at %r; seeding from seeds/ only" % corpus, file=sys.stderr)

    for i, text in enumerate(articles):
        write(os.path.join(out, "FuzzArticleParser"), "a%03d" % i, cut(text, MAX_ARTICLE))
        write(os.path.join(out, "FuzzLanguage"), "l%03d" % i, cut(text, MAX_SNIPPET))
        # Date seeds: a language byte, then the opening of the article (datelines live there).
        write(os.path.join(out, "FuzzDates"), "t%03d" % i, bytes([i % 12]) + cut(text, MAX_SNIPPET))
    for i, date in enumerate(dates):
        write(os.path.join(out, "FuzzDates"), "d%03d" % i, bytes([i % 12]) + cut(date, MAX_SNIPPET))
    for i in range(0, len(lines), 3):
        chunk = "".join(lines[i:i + 3])
        write(os.path.join(out, "FuzzJSONLines"), "j%03d" % (i // 3), cut(chunk, MAX_ARTICLE))
    # JSON shapes the sample cannot show: other field types, nulls, nesting, a bad line between good ones.
    write(os.path.join(out, "FuzzJSONLines"), "shapes",
          b'{"text":"a","title":null,"date":2024,"lang":"en","tags":["x",{"y":1}]}\n'
          b'not json\n[1,2]\n{"text":5}\n\r\n{"text":"\\u062e\\u0628\\u0631","id":"\\ud83d\\ude00"}')


if __name__ == "__main__":
    main()
