"""Training text for the language model, from sources that are on this machine.

Every loader returns a token distribution: {tuple of folded code points: weight}. Sources and
their licences are listed in README.md; `manifest()` records which files were read.
"""
import glob
import gettext
import hashlib
import os
import re
import subprocess
import tempfile
from collections import defaultdict

from textfold import tokens

HERE = os.path.dirname(os.path.abspath(__file__))
LOCALE_DIR = "/usr/share/locale"
HUNSPELL_DIR = "/usr/share/hunspell"
ZWNJ = "\u200c"

# Message catalogues read for languages that wordfreq lacks, with the Debian package that
# ships each domain. A fixed list keeps the model independent of what else is installed.
GETTEXT_DOMAINS = {
    "iso_3166-1": "iso-codes", "iso_639-2": "iso-codes",
    "glib20": "libglib2.0-data", "gtk20": "libgtk2.0-common", "gtk20-properties": "libgtk2.0-common",
    "Linux-PAM": "libpam-runtime", "xkeyboard-config": "xkb-data", "grep": "grep", "tar": "tar",
    "coreutils": "coreutils", "shadow": "login/passwd", "dpkg": "dpkg", "apt": "apt",
    "libapt-pkg6.0": "libapt-pkg6.0", "gsettings-desktop-schemas": "gsettings-desktop-schemas",
    "at-spi2-core": "at-spi2-core", "gdk-pixbuf": "libgdk-pixbuf2.0-common",
    "PackageKit": "packagekit", "software-properties": "software-properties-common",
    "xdg-user-dirs": "xdg-user-dirs", "shared-mime-info": "shared-mime-info", "sed": "sed",
    "procps-ng": "procps", "systemd": "systemd",
    # Read since Central Kurdish, Uyghur, Belarusian, Serbian and Kurmanji were added: for
    # Central Kurdish and Uyghur most of what Debian translates is in these.
    "gtk30": "libgtk-3-common", "gtk30-properties": "libgtk-3-common", "appstream": "appstream",
    "libsecret": "libsecret-common", "iso_3166-3": "iso-codes", "notification-daemon": "notification-daemon",
}

# Word lists (stems only, no frequencies) from Debian's spelling dictionaries: file, package.
HUNSPELL_FILES = {"sw": [("sw_TZ.dic", "hunspell-sw"), ("sw_KE.dic", "hunspell-sw")],
                  "kk": [("kk_KZ.dic", "hunspell-kk")], "ne": [("ne_NP.dic", "hunspell-ne")],
                  "uz": [("uz_UZ.dic", "hunspell-uz")], "be": [("be_BY.dic", "hunspell-be")],
                  "sr": [("sr_RS.dic", "hunspell-sr")], "ku": [("kmr_Latn.dic", "hunspell-kmr")]}
ASPELL_DICTS = {"mr": "mr", "kk": "kk"}
# Tesseract's LSTM word lists (the words its recognizer expects, Apache-2.0), unpacked with
# combine_tessdata and dawg2wordlist from package tesseract-ocr: ISO 639-2 name of the data.
TESSDATA_DIR = "/usr/share/tesseract-ocr/5/tessdata"
TESSERACT_WORDS = {"sd": "snd", "ug": "uig", "ku": "kmr", "yo": "yor"}

_read_files = {}


def _note(path, package):
    with open(path, "rb") as f:
        _read_files[path] = (package, hashlib.sha256(f.read()).hexdigest()[:16])


def declare_inputs(code, locale):
    """Records the files a language's profile reads (for a profile reused from the cache)."""
    if locale:
        for domain, package in sorted(GETTEXT_DOMAINS.items()):
            path = os.path.join(LOCALE_DIR, locale, "LC_MESSAGES", domain + ".mo")
            if os.path.exists(path):
                _note(path, package)
    for name, package in HUNSPELL_FILES.get(code, []):
        path = os.path.join(HUNSPELL_DIR, name)
        if os.path.exists(path):
            _note(path, package)
    if code in TESSERACT_WORDS:
        path = os.path.join(TESSDATA_DIR, TESSERACT_WORDS[code] + ".traineddata")
        if os.path.exists(path):
            _note(path, "tesseract-ocr-" + TESSERACT_WORDS[code])


def manifest():
    return sorted((p, pkg, digest) for p, (pkg, digest) in _read_files.items())


def normalized(dist):
    total = sum(dist.values())
    if total <= 0:
        return {}
    return {k: v / total for k, v in dist.items()}


def _add_text(dist, text, script, weight=1.0):
    for tok in tokens(text, script):
        dist[tuple(tok)] += weight


def wordfreq_tokens(code, script, top):
    """The `top` most frequent words of wordfreq's 'best' list, weighted by frequency."""
    import wordfreq
    if code not in wordfreq.available_languages("small"):
        return {}
    freqs = wordfreq.get_frequency_dict(code, "best")
    ranked = sorted(freqs.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    dist = defaultdict(float)
    for word, freq in ranked:
        _add_text(dist, word, script, freq)
        if code == "fa" and ZWNJ in word:
            # Older Persian text writes these words without ZWNJ, joined.
            _add_text(dist, word.replace(ZWNJ, ""), script, freq * 0.5)
    return dict(dist)


_FORMAT = re.compile(r"%(\d+\$)?[-#0 +']*\d*(\.\d+)?[hlLqjzt]*[a-zA-Z%]|\{[^}]*\}|<[^>]*>|&[a-z]+;|\$\{?\w+\}?|\\[ntr]")


def gettext_tokens(locale, script):
    """Translated messages of the pinned domains, minus format codes and words kept from English."""
    dist = defaultdict(float)
    for domain, package in sorted(GETTEXT_DOMAINS.items()):
        path = os.path.join(LOCALE_DIR, locale, "LC_MESSAGES", domain + ".mo")
        if not os.path.exists(path):
            continue
        _note(path, package)
        with open(path, "rb") as f:
            try:
                catalog = gettext.GNUTranslations(f)._catalog
            except Exception:
                continue
        for key in sorted(catalog, key=repr):
            msgid = key[0] if isinstance(key, tuple) else key
            msgstr = catalog[key]
            if not msgid or not msgstr or msgstr == msgid:
                continue
            msgid = msgid.split("\x04")[-1]
            english = {tuple(t) for t in tokens(_FORMAT.sub(" ", msgid), script)}
            for tok in tokens(_FORMAT.sub(" ", msgstr.replace("_", "").replace("&", "")), script):
                if tuple(tok) not in english:
                    dist[tuple(tok)] += 1.0
    return dict(dist)


def _hunspell_words(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()[1:]
    return [line.split("/")[0].strip() for line in lines if line.strip()]


def dictionary_tokens(code, script, transliterate=None):
    """Stems of the spelling dictionaries, each counted once."""
    dist = defaultdict(float)
    words = []
    for name, package in HUNSPELL_FILES.get(code, []):
        path = os.path.join(HUNSPELL_DIR, name)
        if os.path.exists(path):
            _note(path, package)
            words += _hunspell_words(path)
    words += tesseract_words(code)
    if code in ASPELL_DICTS:
        try:
            out = subprocess.run(["aspell", "dump", "master", "--lang=" + ASPELL_DICTS[code]],
                                 capture_output=True, text=True, check=True).stdout
            _read_files["aspell:" + code] = ("aspell-" + code, hashlib.sha256(out.encode()).hexdigest()[:16])
            words += out.split()
        except (OSError, subprocess.CalledProcessError):
            pass
    for word in sorted(set(words)):
        if transliterate:
            word = transliterate(word)
        _add_text(dist, word, script)
    return dict(dist)


def tesseract_words(code):
    """The word list of tesseract's model for the language (empty when it is not installed)."""
    name = TESSERACT_WORDS.get(code)
    path = os.path.join(TESSDATA_DIR, f"{name}.traineddata") if name else None
    if not path or not os.path.exists(path):
        return []
    _note(path, "tesseract-ocr-" + name)
    with tempfile.TemporaryDirectory() as tmp:
        prefix = os.path.join(tmp, name + ".")
        subprocess.run(["combine_tessdata", "-u", path, prefix], capture_output=True, check=True)
        out = os.path.join(tmp, "words")
        subprocess.run(["dawg2wordlist", prefix + "lstm-unicharset", prefix + "lstm-word-dawg", out],
                       capture_output=True, check=True)
        with open(out, encoding="utf-8", errors="replace") as f:
            return f.read().split()


def own_sentences(code, script):
    """Sentences written for this project (tools/langid/train/<code>.txt)."""
    dist = defaultdict(float)
    path = os.path.join(HERE, "train", code + ".txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    _add_text(dist, line, script)
    return dict(dist)


# Uzbek: the Debian dictionary is in Cyrillic; news is mostly in the official Latin alphabet
# of 1995 (oʻ, gʻ written with U+02BB). The letter mapping is that alphabet's.
_UZ_CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ғ": "gʻ", "д": "d", "е": "e", "ё": "yo", "ж": "j",
    "з": "z", "и": "i", "й": "y", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "о": "o",
    "ў": "oʻ", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ҳ": "h",
    "ц": "s", "ч": "ch", "ш": "sh", "ъ": "ʼ", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}


def uzbek_latin(word):
    out = []
    for i, ch in enumerate(word.lower()):
        if ch == "е" and (i == 0 or word[i - 1].lower() in "аеёиоуўэюяъь"):
            out.append("ye")
        else:
            out.append(_UZ_CYR_TO_LAT.get(ch, ch))
    return "".join(out)
