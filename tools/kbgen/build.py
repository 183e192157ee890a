#!/usr/bin/env python3
"""Compile the hand-written knowledge-base sources in tools/kbgen/src/*.txt into
Plugins/world/kb/<name>.generated.jsonl (one profile per line, the format the engine loads).

Run from anywhere:  python3 tools/kbgen/build.py

Source format (one block per entity; '#' starts a comment line):

    @ person/vladimir-putin | Vladimir Putin | country=RU; role=head_of_state; from=2012
    en: Vladimir Putin; Putin*
    ar: فلاديمير بوتين; بوتين*

The header holds the id (kind/slug), the canonical English name and attributes (key=value, separated
by ';'). Each following line lists the spellings of one language, separated by ';'. A trailing '*'
marks a short alias (ambiguous alone: surnames, first names, acronyms that are words); a trailing '^'
marks an adjective or demonym. The canonical name is always a variant. Spellings that differ only by
case, diacritics, tatweel, hamza on alef, Arabic/Persian yeh or kaf, or ZWNJ are kept once.
"""
import json
import pathlib
import re
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
SOURCES = HERE / "src"
KB = HERE.parent.parent / "Plugins" / "world" / "kb"

KINDS = {"person", "org", "place"}
ID_PATTERN = re.compile(r"^(person|org|place)/[a-z0-9]+(?:-[a-z0-9]+)*$")
LANG_PATTERN = re.compile(r"^[a-z]{2}$")
ATTR_ORDER = ["type", "country", "role", "office", "parent", "from", "to", "wikidata"]


def duplicate_key(text):
    """The folding the matcher applies, closely enough to spot spellings it would treat as one."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    for old, new in (("\u0640", ""), ("\u200c", ""), ("ٱ", "ا"), ("ى", "ي"), ("ی", "ي"),
                     ("ك", "ک"), ("ە", "ه")):
        text = text.replace(old, new)
    return " ".join(text.split())


class SourceError(Exception):
    pass


def parse_header(line, where):
    parts = [p.strip() for p in line[1:].split("|")]
    if len(parts) < 2:
        raise SourceError(f"{where}: header needs 'id | name [| attrs]'")
    ident, name = parts[0], parts[1]
    if not ID_PATTERN.match(ident):
        raise SourceError(f"{where}: bad id {ident!r}")
    attrs = {}
    if len(parts) > 2 and parts[2]:
        for item in parts[2].split(";"):
            item = item.strip()
            if not item:
                continue
            if "=" not in item:
                raise SourceError(f"{where}: attribute without '=': {item!r}")
            key, value = (s.strip() for s in item.split("=", 1))
            attrs[key] = value
    ordered = {k: attrs[k] for k in ATTR_ORDER if k in attrs}
    ordered.update({k: v for k, v in attrs.items() if k not in ordered})
    return {"id": ident, "kind": ident.split("/")[0], "name": name, "variants": [], "attrs": ordered}


def add_variant(profile, text, lang, short=False, adjective=False):
    text = " ".join(text.split())
    if not text:
        return
    key = duplicate_key(text)
    # Kept once, unless its ambiguity differs between languages (Persian دوشنبه is also Monday).
    if any(duplicate_key(v["text"]) == key and v.get("short", False) == short
           for v in profile["variants"]):
        return
    for v in profile["variants"]:
        if duplicate_key(v["text"]) == key and v["lang"] == lang:
            v["short"] = True  # listed both ways in one language: ambiguity wins
            return
    variant = {"text": text, "lang": lang}
    if short:
        variant["short"] = True
    if adjective:
        variant["form"] = "adjective"
    profile["variants"].append(variant)


def parse_variants(profile, line, where):
    lang, _, rest = line.partition(":")
    lang = lang.strip()
    if not LANG_PATTERN.match(lang):
        raise SourceError(f"{where}: bad language code {lang!r}")
    for raw in rest.split(";"):
        text = raw.strip()
        short = adjective = False
        while text and text[-1] in "*^":
            if text[-1] == "*":
                short = True
            else:
                adjective = True
            text = text[:-1].rstrip()
        if text:
            add_variant(profile, text, lang, short, adjective)


def compile_source(path):
    profiles = []
    current = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        where = f"{path.name}:{number}"
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            current = parse_header(line, where)
            # The canonical name is the first variant. A name that needs "(...)" to be told apart
            # (Tripoli (Lebanon)) is ambiguous without it, so its bare form is a short alias.
            bare = re.sub(r"\s*\(.*\)$", "", current["name"])
            add_variant(current, bare, "en", short=bare != current["name"])
            profiles.append(current)
        elif current is None:
            raise SourceError(f"{where}: variants before the first '@' header")
        else:
            parse_variants(current, line, where)
    return profiles


def main():
    all_ids = {}
    written = []
    for path in sorted(SOURCES.glob("*.txt")):
        profiles = compile_source(path)
        for p in profiles:
            if p["id"] in all_ids:
                raise SourceError(f"{path.name}: id {p['id']} already used in {all_ids[p['id']]}")
            all_ids[p["id"]] = path.name
        out = KB / (path.stem + ".generated.jsonl")
        lines = [json.dumps(p, ensure_ascii=False, separators=(",", ":")) for p in profiles]
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append((out.name, len(profiles), sum(len(p["variants"]) for p in profiles)))
    for name, count, variants in written:
        print(f"wrote {count:5d} profiles, {variants:6d} variants to kb/{name}")


if __name__ == "__main__":
    try:
        main()
    except SourceError as error:
        sys.exit(f"build.py: {error}")
