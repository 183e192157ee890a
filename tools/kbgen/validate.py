#!/usr/bin/env python3
"""Check the knowledge-base files of a plugin (default Plugins/world/kb/*.jsonl) and print counts.

    python3 tools/kbgen/validate.py [KB_DIR ...] [--collisions] [--markdown]

Errors (exit status 1): a line that is not a JSON object, a missing or mistyped field, an id that is
not `kind/slug` or is used twice, an unknown kind, a language code that is not two lowercase letters,
an empty variant, an attribute that is not a string, a `parent` that names no profile, a malformed
country code, Wikidata id or year. Warnings (printed, exit status 0): one spelling that is a full
(non-short) alias of two different entities, which the matcher cannot resolve without context;
`--collisions` lists them all; `--markdown` prints only the counts table of the plugin README.
"""
import collections
import json
import pathlib
import re
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_KB = HERE.parent.parent / "Plugins" / "world" / "kb"

KINDS = {"person", "org", "place"}
ID_PATTERN = re.compile(r"^(person|org|place)/[a-z0-9]+(?:-[a-z0-9]+)*$")
LANG_PATTERN = re.compile(r"^[a-z]{2}$")
COUNTRY_PATTERN = re.compile(r"^[A-Z]{2}$")
WIKIDATA_PATTERN = re.compile(r"^Q[1-9][0-9]*$")
YEAR_PATTERN = re.compile(r"^[0-9]{4}$")
PROFILE_KEYS = {"id", "kind", "name", "variants", "attrs"}
VARIANT_KEYS = {"text", "lang", "short", "form"}
FORMS = {"adjective"}


def fold(text):
    """Approximately the matcher's folding, enough to tell which spellings it would treat as one."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    for old, new in (("\u0640", ""), ("\u200c", ""), ("ٱ", "ا"), ("ى", "ي"), ("ی", "ي"),
                     ("ك", "ک"), ("ە", "ه")):
        text = text.replace(old, new)
    return " ".join(text.split())


class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, where, message):
        self.errors.append(f"{where}: {message}")

    def warn(self, message):
        self.warnings.append(message)


def check_variant(variant, where, report):
    if not isinstance(variant, dict):
        report.error(where, "variant is not an object")
        return
    unknown = set(variant) - VARIANT_KEYS
    if unknown:
        report.error(where, f"variant has unknown keys {sorted(unknown)}")
    text = variant.get("text")
    if not isinstance(text, str) or not text.strip():
        report.error(where, f"empty or missing variant text {text!r}")
    elif text != text.strip() or "  " in text:
        report.error(where, f"variant {text!r} has stray spaces")
    lang = variant.get("lang")
    if not isinstance(lang, str) or not LANG_PATTERN.match(lang):
        report.error(where, f"variant {text!r}: language {lang!r} is not a two-letter code")
    if "short" in variant and not isinstance(variant["short"], bool):
        report.error(where, f"variant {text!r}: short must be true or false")
    if "form" in variant and variant["form"] not in FORMS:
        report.error(where, f"variant {text!r}: unknown form {variant['form']!r}")


def check_attrs(attrs, where, report):
    if not isinstance(attrs, dict):
        report.error(where, "attrs is not an object")
        return
    for key, value in attrs.items():
        if not isinstance(value, str) or not value:
            report.error(where, f"attribute {key!r} is not a non-empty string")
    country = attrs.get("country")
    if isinstance(country, str) and not COUNTRY_PATTERN.match(country):
        report.error(where, f"country {country!r} is not an ISO alpha-2 code in upper case")
    wikidata = attrs.get("wikidata")
    if isinstance(wikidata, str) and not WIKIDATA_PATTERN.match(wikidata):
        report.error(where, f"wikidata {wikidata!r} is not a Q-id")
    for key in ("from", "to"):
        value = attrs.get(key)
        if isinstance(value, str) and not YEAR_PATTERN.match(value):
            report.error(where, f"{key} {value!r} is not a year")
    if (isinstance(attrs.get("from"), str) and isinstance(attrs.get("to"), str)
            and attrs["from"] > attrs["to"]):
        report.error(where, f"from {attrs['from']} is after to {attrs['to']}")


def load(paths, report):
    profiles = {}
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{number}"
            if not line.strip():
                continue
            try:
                profile = json.loads(line)
            except json.JSONDecodeError as error:
                report.error(where, f"not JSON ({error})")
                continue
            if not isinstance(profile, dict):
                report.error(where, "line is not a JSON object")
                continue
            missing = PROFILE_KEYS - set(profile)
            if missing:
                report.error(where, f"missing {sorted(missing)}")
                continue
            unknown = set(profile) - PROFILE_KEYS
            if unknown:
                report.error(where, f"unknown keys {sorted(unknown)}")
            ident, kind = profile["id"], profile["kind"]
            if kind not in KINDS:
                report.error(where, f"unknown kind {kind!r}")
            if not isinstance(ident, str) or not ID_PATTERN.match(ident):
                report.error(where, f"id {ident!r} is not kind/slug in lowercase ASCII")
            elif ident.split("/")[0] != kind:
                report.error(where, f"id {ident} does not start with its kind {kind}")
            if ident in profiles:
                report.error(where, f"id {ident} already used at {profiles[ident][1]}")
                continue
            if not isinstance(profile["name"], str) or not profile["name"].strip():
                report.error(where, "empty name")
            variants = profile["variants"]
            if not isinstance(variants, list) or not variants:
                report.error(where, "variants must be a non-empty list")
                variants = []
            for variant in variants:
                check_variant(variant, where, report)
            check_attrs(profile["attrs"], where, report)
            profiles[ident] = (profile, where)
    return profiles


def check_references(profiles, report):
    wikidata_owners = collections.defaultdict(list)
    for ident, (profile, where) in profiles.items():
        attrs = profile["attrs"] if isinstance(profile["attrs"], dict) else {}
        for key in ("parent", "continent", "region"):
            target = attrs.get(key)
            if isinstance(target, str) and target not in profiles:
                report.error(where, f"{key} {target!r} names no profile")
        if isinstance(attrs.get("wikidata"), str):
            wikidata_owners[attrs["wikidata"]].append(ident)
    for qid, owners in sorted(wikidata_owners.items()):
        if len(owners) > 1:
            report.error("wikidata", f"{qid} is given to {', '.join(owners)}")


def collisions(profiles):
    """Spellings that are a full alias of more than one entity in the same language or in none."""
    owners = collections.defaultdict(set)
    for ident, (profile, _) in profiles.items():
        for variant in profile["variants"]:
            if isinstance(variant, dict) and isinstance(variant.get("text"), str) \
                    and not variant.get("short"):
                owners[fold(variant["text"])].add((ident, variant.get("lang")))
    found = []
    for key, entries in sorted(owners.items()):
        entities = {ident for ident, _ in entries}
        if len(entities) > 1:
            found.append((key, sorted(entries)))
    return found


def print_markdown(profiles):
    """The counts table of the plugin README."""
    rows = collections.defaultdict(lambda: collections.Counter())
    for profile, where in profiles.values():
        row = rows[where.split(":")[0]]
        row[profile["kind"]] += 1
        row["variants"] += len(profile["variants"])
        row["short"] += sum(bool(v.get("short")) for v in profile["variants"])
    print("| file | person | org | place | variants | of which short |")
    print("|---|---:|---:|---:|---:|---:|")
    total = collections.Counter()
    for name, row in sorted(rows.items()):
        total.update(row)
        print(f"| `kb/{name}` | {row['person']} | {row['org']} | {row['place']} "
              f"| {row['variants']} | {row['short']} |")
    print(f"| total | {total['person']} | {total['org']} | {total['place']} "
          f"| {total['variants']} | {total['short']} |")


def main(argv):
    show_collisions = "--collisions" in argv
    markdown = "--markdown" in argv
    dirs = [pathlib.Path(a) for a in argv if not a.startswith("--")] or [DEFAULT_KB]
    paths = sorted(p for d in dirs for p in d.glob("*.jsonl"))
    if not paths:
        print(f"validate.py: no .jsonl files in {', '.join(map(str, dirs))}", file=sys.stderr)
        return 1
    report = Report()
    profiles = load(paths, report)
    check_references(profiles, report)
    clashes = collisions(profiles)
    if clashes:
        report.warn(f"{len(clashes)} spellings are a full alias of more than one entity"
                    + ("" if show_collisions else " (--collisions lists them)"))

    by_kind = collections.Counter()
    by_file = collections.defaultdict(collections.Counter)
    by_type = collections.Counter()
    by_lang = collections.Counter()
    short_count = adjective_count = 0
    for profile, where in profiles.values():
        kind = profile["kind"]
        by_kind[kind] += 1
        by_file[where.split(":")[0]][kind] += 1
        attrs = profile["attrs"] if isinstance(profile["attrs"], dict) else {}
        by_type[(kind, attrs.get("type") or attrs.get("role") or "-")] += 1
        for variant in profile["variants"]:
            if isinstance(variant, dict):
                by_lang[variant.get("lang")] += 1
                short_count += bool(variant.get("short"))
                adjective_count += variant.get("form") == "adjective"
    total_variants = sum(by_lang.values())
    if markdown:
        print_markdown(profiles)
        return 1 if report.errors else 0

    print(f"{len(profiles)} profiles, {total_variants} variants "
          f"({short_count} short, {adjective_count} adjectives) in {len(paths)} files")
    print("by kind:  " + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items())))
    for name, counts in sorted(by_file.items()):
        print(f"  {name}: " + ", ".join(f"{k} {n}" for k, n in sorted(counts.items())))
    print("by type:  " + ", ".join(f"{k}/{t} {n}" for (k, t), n in sorted(by_type.items())))
    print("variants by language:  " + ", ".join(f"{l} {n}" for l, n in by_lang.most_common()))
    for warning in report.warnings:
        print(f"warning: {warning}")
    if show_collisions:
        for key, entries in clashes:
            print(f"  {key}: " + ", ".join(f"{i} ({l})" for i, l in entries))
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    if report.errors:
        print(f"validate.py: {len(report.errors)} errors", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
