"""Labels by meaning: a label no list names exactly is read by its key words.

"Huisnummer bouwadres", "Plaats van de bouwlocatie", "Betrokken kwaliteitsborger", "Datum beoogde aanvang",
"PC / Wpl.": the words are normalised (lower case, abbreviations written out, small spelling slips corrected
with rapidfuzz against the words the rules know), then the rules of `[[betekenis]]` in labels.toml are tried in
order: every group needs one word starting with one of its prefixes, and no word may start with a `niet`
prefix. The first rule that fits names the field; qualifiers in any order do not matter.

Only short label texts are read this way (a label is a few words, a sentence is not), and only where the layout
marks them as a label: before a colon, alone in a table cell, or alone on a line above the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

MAX_WORDS = 7  # words that carry meaning: "Naam van de instantie die de kwaliteitsborging uitvoert" has four
# small words that tie a long label together and count for none of its length
TIE_WORDS = frozenset(("de", "het", "een", "van", "die", "der", "den", "voor", "waarop", "waarin"))
_SPLIT = re.compile(r"[^0-9a-zà-ÿ]+")
_MAIL = re.compile(r"\be[\s\-]?mail", re.IGNORECASE)
_JOINED = re.compile(r"[/+&,]|\sen\s")
# "Opdracht- gever", "Adres bouw- locatie": a word hyphenated where a narrow cell broke it ("Bouw- en sloop" is two)
_BROKEN_WORD = re.compile(r"([a-zà-ÿ])- +(?!(?:en|of|tot|t/m)\b)([a-zà-ÿ])")
# similarity (0-1, optimal string alignment: a swapped pair of letters is one slip, "postocde") for a word to count
# as a misspelling of a known word: one slip in eight letters
FUZZY_MIN = 0.87
# the slips of a text layer made by OCR inside a word: a digit among letters, "rn" for "m", "l" for "i"
_OCR_SLIP = re.compile(r"[a-z][01]|[01][a-z]|rn|^l[^aeiouy]")
_DIGIT_O = re.compile(r"(?<=[a-z])0(?=[a-z])")
_DIGIT_L = re.compile(r"(?<=[a-z])1(?=[a-z]|$)")
FUZZY_MIN_LEN = 6  # shorter words are never corrected: "plaats"/"plaat" differ in meaning too easily


@dataclass(frozen=True)
class Rule:
    field: str
    groups: tuple[tuple[str, ...], ...]
    excluded: tuple[str, ...]
    joined: bool = False  # a combined label: its parts are joined by "/", "+", "&", "," or "en"


@dataclass
class Meaning:
    rules: tuple[Rule, ...] = ()
    abbreviations: dict | None = None  # word -> written out
    vocabulary: tuple[str, ...] = ()  # words the rules know (5 letters or more)
    long_words: tuple[str, ...] = ()  # the ones long enough for spelling correction
    cache: dict | None = None
    no_field: tuple[str, ...] = ()  # words that make a text a remark, never a field's label ("Opmerking opdrachtgever")

    def words(self, text: str) -> list[str]:
        low = _BROKEN_WORD.sub(r"\1\2", _MAIL.sub("email", text.lower()))
        out = []
        abbr = self.abbreviations or {}
        for w in _SPLIT.split(low):
            if not w:
                continue
            w = abbr.get(w, w)
            if _OCR_SLIP.search(w) and self.vocabulary and w not in self.vocabulary:  # (the regex first: cheap)
                w = self._ocr_mended(w)
            # (a word that merely starts with a known one is corrected too when it is one slip from another known
            # word: "startdatun" is "startdatum", not "start")
            if len(w) >= FUZZY_MIN_LEN and self.vocabulary and w not in self.vocabulary:
                hit = process.extractOne(w, self.long_words, scorer=OSA.normalized_similarity, score_cutoff=FUZZY_MIN)
                if hit:
                    w = hit[0]
            out.extend(w.split(" "))
        return out

    def _ocr_mended(self, word: str) -> str:
        """A label word as a text layer made by OCR misreads it ("Postc0de", "P1aats", "Verzoeknumrner",
        "lnstrurnent"): the known word its usual slips stand for (0/o, 1/l, rn/m, l/i), or the word as it was."""
        fixed = _DIGIT_O.sub("o", _DIGIT_L.sub("l", word))
        for start in (fixed, "i" + fixed[1:]) if fixed[:1] == "l" else (fixed,):
            for candidate in (start, start.replace("rn", "m")):
                if candidate != word and (candidate in self.vocabulary or candidate.startswith(self.vocabulary)):
                    return candidate
        return word

    def is_label_word(self, token: str) -> bool:
        """A word the rules know (at least 5 letters: "Omgevingsloket", "Kwaliteitsborger"), capitalised or not."""
        low = token.lower().strip(".,:;()")
        return len(low) >= 5 and low.startswith(self.vocabulary)  # a tuple: one call, no loop

    def _fits(self, word: str, prefix: str) -> bool:
        """A word carries a key word: it is it, or a compound starting with it ("plaatsnaam", "bouwlocatie").

        A noun made of it with "-ing" names something else ("plaatsing" of smoke detectors is no place), unless
        the rules name that word themselves ("indiening").
        """
        if not word.startswith(prefix):
            return False
        rest = word[len(prefix):]
        return not (rest in ("ing", "ingen") and word not in self.vocabulary)

    def field_of(self, label: str) -> str | None:
        """The field a short label text means, or None (also for a text that is too long to be a label)."""
        cache = self.cache if self.cache is not None else {}
        self.cache = cache
        if label in cache:
            return cache[label]
        words = self.words(label)
        joined = bool(_JOINED.search(label))
        found = None
        # ("... vindt daarom deels op de werf plaats.": a sentence that ends in a label's word is no label)
        # (an abbreviation's stop, "b.v.", ends no sentence)
        sentence = label.endswith(".") and label.count(" ") >= 3 and "." not in label.rsplit(" ", 1)[-1][:-1]
        if not sentence and 0 < sum(w not in TIE_WORDS for w in words) <= MAX_WORDS \
                and not any(w.isdigit() and len(w) > 2 for w in words) \
                and not any(w.startswith(self.no_field) for w in words if self.no_field) \
                and not any(w in INSTRUCTION_WORDS for w in words):
            for rule in self.rules:
                if any(w.startswith(x) for w in words for x in rule.excluded) or (rule.joined and not joined):
                    continue
                if all(any(self._fits(w, x) for w in words for x in group) for group in rule.groups):
                    found = rule.field
                    break
        if len(cache) < 20000:
            cache[label] = found
        return found


# a form's help text under its label tells the user what to fill in ("Vul ook een toevoeging in als die er is",
# "Het adres van de bouwlocatie, niet uw eigen adres", "16 cijfers, te vinden op ..."): no label of a field
# ("zie brief KB", "zie bijlage": a pointer to elsewhere in a value, no label either)
INSTRUCTION_WORDS = frozenset({"niet", "vul", "invullen", "degene", "alleen", "cijfers", "vinden", "zie"})


def build_meaning(data: dict) -> Meaning:
    rules = []
    vocab: set[str] = set()
    for spec in data.get("betekenis", []):
        groups = tuple(tuple(str(w).lower() for w in g) for g in spec.get("groepen", []) if g)
        excluded = tuple(str(w).lower() for w in spec.get("niet", []))
        rules.append(Rule(str(spec.get("veld", "")), groups, excluded, bool(spec.get("samengesteld", False))))
        vocab.update(w for g in groups for w in g if len(w) >= 5)
    abbr = {str(k).lower(): str(v).lower() for k, v in data.get("afkortingen", {}).items()}
    return Meaning(tuple(rules), abbr, tuple(sorted(vocab)), tuple(sorted(w for w in vocab if len(w) >= FUZZY_MIN_LEN)),
                   {}, tuple(str(w).lower() for w in data.get("geen_veld", [])))
