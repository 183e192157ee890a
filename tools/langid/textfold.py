"""Character classes, folding, tokens and n-gram hashes for the language model.

This file is the reference for what the Swift side computes in
Sources/NewsKit/Language/LetterClass.swift and NGramHash.swift: both sides must turn
the same text into the same n-gram hashes, or the model's weights point at nothing.
Change them together.
"""

SEP = -1   # ends a token (space, punctuation, digits, ZWNJ, letters of other scripts)
SKIP = 0   # ignored inside a token (combining marks, tatweel, ZWJ, variation selectors)
APOSTROPHE = 0x27
SPACE = 0x20
MAX_ORDER = 5
# Whole words are features too, under this pseudo-order, hashed forwards with a tag that no
# letter has so that a word never meets an n-gram's hash.
WORD_ORDER = 6
WORD_TAG = 0xFFFF

# Script ids; same numbering as the Swift `Script` enum's `index`.
SCRIPTS = ["Zyyy", "Latn", "Cyrl", "Grek", "Armn", "Hebr", "Arab", "Deva", "Beng", "Guru",
           "Gujr", "Orya", "Taml", "Telu", "Knda", "Mlym", "Sinh", "Thai", "Laoo", "Tibt",
           "Mymr", "Geor", "Hang", "Ethi", "Khmr", "Hira", "Kana", "Hani", "Thaa"]
S = {name: i for i, name in enumerate(SCRIPTS)}

_APOSTROPHES = {0x27, 0x2018, 0x2019, 0x02BB, 0x02BC}


def _even_upper(cp):
    return cp + 1 if cp % 2 == 0 else cp


def _odd_upper(cp):
    return cp + 1 if cp % 2 == 1 else cp


def fold_latin(cp):
    if 0x41 <= cp <= 0x5A:
        return cp + 0x20
    if 0xC0 <= cp <= 0xDE:
        return cp + 0x20
    if 0x100 <= cp <= 0x17F:
        if cp == 0x130:
            return 0x69
        if cp in (0x131, 0x138, 0x149, 0x17F):
            return cp
        if cp == 0x178:
            return 0xFF
        if 0x139 <= cp <= 0x148 or 0x179 <= cp <= 0x17E:
            return _odd_upper(cp)
        return _even_upper(cp)
    if 0x180 <= cp <= 0x24F:
        special = {0x181: 0x253, 0x18A: 0x257, 0x18F: 0x259, 0x198: 0x199, 0x1B3: 0x1B4,
                   0x1A0: 0x1A1, 0x1AF: 0x1B0,
                   # Romanian comma-below letters fold onto the cedilla forms people also type
                   0x218: 0x15F, 0x219: 0x15F, 0x21A: 0x163, 0x21B: 0x163}
        return special.get(cp, cp)
    if 0x1E00 <= cp <= 0x1EFF:
        if 0x1E96 <= cp <= 0x1E9F:
            return cp
        return _even_upper(cp)
    if 0xFF21 <= cp <= 0xFF3A:
        return cp - 0xFF21 + 0x61
    if 0xFF41 <= cp <= 0xFF5A:
        return cp - 0xFF41 + 0x61
    return cp


def fold_cyrillic(cp):
    if 0x400 <= cp <= 0x40F:
        return cp + 0x50
    if 0x410 <= cp <= 0x42F:
        return cp + 0x20
    if 0x460 <= cp <= 0x481 or 0x48A <= cp <= 0x4BF or 0x4D0 <= cp <= 0x52F:
        return _even_upper(cp)
    if cp == 0x4C0:
        return 0x4CF
    if 0x4C1 <= cp <= 0x4CE:
        return _odd_upper(cp)
    return cp


def fold_arabic(cp):
    # Persian typed on Arabic keyboards writes ي/ك for ی/ک: one letter for both.
    if cp == 0x64A:
        return 0x6CC
    if cp == 0x643:
        return 0x6A9
    if cp == 0x6C0:
        return 0x647
    return cp


def classify(cp, after_latin_letter):
    """(script index, value): value SEP, SKIP or the folded code point of a letter."""
    if cp < 0x80:
        if 0x41 <= cp <= 0x5A or 0x61 <= cp <= 0x7A:
            return S["Latn"], fold_latin(cp)
        if cp == APOSTROPHE and after_latin_letter:
            return S["Latn"], APOSTROPHE
        return 0, SEP
    if 0x300 <= cp <= 0x36F or 0xFE00 <= cp <= 0xFE0F or cp in (0x200D, 0xAD):
        return 0, SKIP
    if cp in _APOSTROPHES:
        return (S["Latn"], APOSTROPHE) if after_latin_letter else (0, SEP)
    if 0xC0 <= cp <= 0x24F:
        if cp in (0xD7, 0xF7):
            return 0, SEP
        return S["Latn"], fold_latin(cp)
    if 0x250 <= cp <= 0x2AF or 0x1E00 <= cp <= 0x1EFF or 0xFF21 <= cp <= 0xFF3A or 0xFF41 <= cp <= 0xFF5A:
        return S["Latn"], fold_latin(cp)
    if 0x370 <= cp <= 0x3FF or 0x1F00 <= cp <= 0x1FFF:
        if cp in (0x37E, 0x387, 0x375):
            return 0, SEP
        return S["Grek"], cp
    if 0x400 <= cp <= 0x52F:
        if 0x482 <= cp <= 0x489:
            return 0, SKIP
        return S["Cyrl"], fold_cyrillic(cp)
    if 0x531 <= cp <= 0x58F:
        if 0x55A <= cp <= 0x55F or cp in (0x589, 0x58A):
            return 0, SEP
        return S["Armn"], cp
    if 0x590 <= cp <= 0x5FF:
        if 0x591 <= cp <= 0x5C7 and cp not in (0x5BE, 0x5C0, 0x5C3, 0x5C6):
            return 0, SKIP
        if 0x5D0 <= cp <= 0x5EA or 0x5EF <= cp <= 0x5F2:
            return S["Hebr"], cp
        return 0, SEP
    if 0x600 <= cp <= 0x6FF:
        if 0x610 <= cp <= 0x61A or cp == 0x640 or 0x64B <= cp <= 0x65F or cp == 0x670 or 0x6D6 <= cp <= 0x6ED:
            return 0, SKIP
        if (0x620 <= cp <= 0x63F or 0x641 <= cp <= 0x64A or 0x66E <= cp <= 0x66F or 0x671 <= cp <= 0x6D3
                or cp == 0x6D5 or 0x6EE <= cp <= 0x6EF or 0x6FA <= cp <= 0x6FC or cp == 0x6FF):
            return S["Arab"], fold_arabic(cp)
        return 0, SEP
    if 0x750 <= cp <= 0x77F:
        return S["Arab"], cp
    if 0x780 <= cp <= 0x7BF:
        return S["Thaa"], cp
    if 0x8A0 <= cp <= 0x8FF:
        return (S["Arab"], cp) if cp <= 0x8C9 else (0, SKIP)
    if 0x900 <= cp <= 0xD7F:
        offset = cp & 0x7F
        if 0x66 <= offset <= 0x6F:
            return 0, SEP  # the digits of every Indic block sit at the same offset
        if cp in (0x964, 0x965, 0x970):
            return 0, SEP
        block = ["Deva", "Beng", "Guru", "Gujr", "Orya", "Taml", "Telu", "Knda", "Mlym"][(cp - 0x900) >> 7]
        return S[block], cp
    if 0xD80 <= cp <= 0xDFF:
        return S["Sinh"], cp
    if 0xE00 <= cp <= 0xE7F:
        if 0xE50 <= cp <= 0xE59 or cp == 0xE3F:
            return 0, SEP
        return S["Thai"], cp
    if 0xE80 <= cp <= 0xEFF:
        if 0xED0 <= cp <= 0xED9:
            return 0, SEP
        return S["Laoo"], cp
    if 0xF40 <= cp <= 0xFBC:
        return S["Tibt"], cp
    if 0x1000 <= cp <= 0x109F:
        if 0x1040 <= cp <= 0x104F:
            return 0, SEP
        return S["Mymr"], cp
    if 0x10A0 <= cp <= 0x10FF or 0x1C90 <= cp <= 0x1CBF or 0x2D00 <= cp <= 0x2D2F:
        if cp == 0x10FB:
            return 0, SEP
        return S["Geor"], cp
    if 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F or 0xAC00 <= cp <= 0xD7AF:
        return S["Hang"], cp
    if 0x1200 <= cp <= 0x139F:
        if 0x1360 <= cp <= 0x137C:
            return 0, SEP
        return S["Ethi"], cp
    if 0x1780 <= cp <= 0x17FF:
        if 0x17D4 <= cp <= 0x17DA or 0x17E0 <= cp <= 0x17E9:
            return 0, SEP
        return S["Khmr"], cp
    if 0x3041 <= cp <= 0x309F:
        return S["Hira"], cp
    if 0x30A0 <= cp <= 0x30FF or 0x31F0 <= cp <= 0x31FF or 0xFF66 <= cp <= 0xFF9F:
        if cp == 0x30FB:
            return 0, SEP
        return S["Kana"], cp
    if (0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF
            or 0x20000 <= cp <= 0x3FFFF or cp == 0x3005):
        return S["Hani"], cp
    if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFC:
        base = _presentation_base(cp)
        return classify(base, after_latin_letter) if base else (S["Arab"], cp)
    return 0, SEP


def _presentation_base(cp):
    """The letter an Arabic presentation form (ﺏ ﺑ ﺒ ﺐ) stands for, by NFKC; None for ligatures."""
    import unicodedata
    folded = unicodedata.normalize("NFKC", chr(cp))
    return ord(folded) if len(folded) == 1 and folded != chr(cp) else None


def tokens(text, script):
    """Runs of letters of `script`, folded, as lists of code points."""
    if isinstance(script, str):
        script = S[script]
    out = []
    current = []
    after_latin = False
    for ch in text:
        sc, value = classify(ord(ch), after_latin)
        if value == SKIP:
            continue
        if value == SEP or sc != script:
            if current:
                out.append(current)
                current = []
            after_latin = False
            continue
        current.append(value)
        after_latin = sc == S["Latn"]
    if current:
        out.append(current)
    return out


MASK = (1 << 64) - 1
FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3


def mix(h, cp):
    return ((h ^ cp) * FNV_PRIME) & MASK


def finalize(h):
    """murmur3's fmix64: spreads the FNV state over all bits for slot and fingerprint."""
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & MASK
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & MASK
    h ^= h >> 33
    return h


def ngram_hash(cps):
    """Hash of an n-gram, fed from its last code point backwards (as the scanner does)."""
    h = FNV_OFFSET
    for cp in reversed(cps):
        h = mix(h, cp)
    return finalize(h)


def token_ngrams(token, max_order=MAX_ORDER):
    """(order, tuple of code points) for the n-grams of a token padded with spaces."""
    padded = [SPACE] + list(token) + [SPACE]
    for end in range(1, len(padded)):
        for n in range(1, max_order + 1):
            start = end - n + 1
            if start < 0:
                break
            if n == 1 and padded[end] == SPACE:
                continue
            yield n, tuple(padded[start:end + 1])


def word_hash(token):
    """Hash of a whole word: FNV forwards over space, letters, space, then the word tag."""
    h = FNV_OFFSET
    for cp in [SPACE] + list(token) + [SPACE]:
        h = mix(h, cp)
    return finalize(mix(h, WORD_TAG))
