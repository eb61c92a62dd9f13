"""Which language a draft is written in, roughly: enough to say when draftkit's wording rules
do not read it.

The flags that weigh words (an obligation weakened, a condition added, a term of the
taxonomy) and the clause schema's required provisions read English, Ukrainian and Russian.
A Spanish, French or Arabic draft is still read, compared and redlined whole, and numbers,
dates and distances are still weighed; but "deberán" → "podrán" is only "reworded". That is
said, once per draft, as a reading note (`ReadWarning` "language"), never in silence.

The guess: the script of the letters (Arabic, Hebrew, Chinese, Japanese, Korean, Greek, …),
and for Latin letters the share of each language's commonest short words in a sample of the
text. A guess that is not clearly another language than English says nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from draftkit.model.draft import Draft, ReadWarning

READ = ("English", "Ukrainian", "Russian")

# Short words frequent in any text of a language and rare in the others' (articles,
# prepositions, conjunctions), lower case.
_COMMON: dict[str, frozenset[str]] = {
    language: frozenset(words.split())
    for language, words in (
        ("English", "the of and to in shall be by for with on or that is are this from"),
        # Not the articles and prepositions of place and family names ("de los", "des", "della",
        # "von"): a list of names is no prose in the language.
        ("Spanish", "que por para con se su sus una un en al deberán será como sobre entre"),
        ("French", "et que pour avec sur une au aux est sont ce dans qui par leurs"),
        ("Portuguese", "que para com uma ao não são pelo pela em sobre entre"),
        ("Italian", "che per con una nel nella sono alla dalla tra"),
        ("German", "und das den dem zu mit ist sind auf für eine nicht werden ihre im"),
    )
}
_WORD = re.compile(r"[^\W\d_]+")
_SCRIPTS = (
    ("ARABIC", "Arabic"),
    ("HEBREW", "Hebrew"),
    ("CJK", "Chinese"),
    ("HIRAGANA", "Japanese"),
    ("KATAKANA", "Japanese"),
    ("HANGUL", "Korean"),
    ("GREEK", "Greek"),
    ("ARMENIAN", "Armenian"),
    ("GEORGIAN", "Georgian"),
    ("DEVANAGARI", "Hindi"),
    ("THAI", "Thai"),
)
_SAMPLE = 6_000  # characters of the draft's text looked at


def guess(text: str) -> str | None:
    """The language `text` is written in, when it is clearly one: 'English', 'Spanish',
    'Arabic', …; None when it cannot tell (too little text, a mix)."""
    letters = [ch for ch in text[:_SAMPLE] if ch.isalpha()]
    if len(letters) < 40:
        return None
    scripts: Counter[str] = Counter()
    for ch in letters:
        if ch.isascii():
            scripts["LATIN"] += 1
            continue
        name = unicodedata.name(ch, "")
        scripts[next((lang for key, lang in _SCRIPTS if name.startswith(key)), name.split(" ", 1)[0])] += 1
    if scripts["Japanese"] >= 0.1 * len(letters):  # kana among the ideographs
        return "Japanese"
    script, count = scripts.most_common(1)[0]
    if count < 0.6 * len(letters):
        return None
    if script == "CYRILLIC":
        return "Ukrainian" if any(ch in "іїєґІЇЄҐ" for ch in letters) else "Russian"
    if script not in ("LATIN", "LATIN-1"):
        return script if script in {lang for _, lang in _SCRIPTS} else None
    if len(letters) < 120:
        return None  # too few words to tell one Latin-script language from another
    words = Counter(word.lower() for word in _WORD.findall(text[:_SAMPLE]))
    score = {lang: sum(words[w] for w in common) for lang, common in _COMMON.items()}
    best = max(score, key=lambda lang: score[lang])
    if best == "English":
        return "English"
    # Prose, not a list of names: several of the language's words, each counted, and more
    # than twice English's ("San Juan de los Lagos; Puerto de la Cruz" is an English annex).
    distinct = sum(1 for w in _COMMON[best] if words[w])
    if score[best] < 4 or distinct < 3 or score[best] < 2 * score["English"]:
        return None
    return best


def draft_language(draft: Draft) -> str | None:
    """The language a draft is written in (`guess` over its first few thousand characters:
    title, preamble, headings and texts), or None when it cannot tell."""
    parts = [draft.title or "", *draft.preamble]
    size = sum(len(p) for p in parts)
    for provision in draft.walk():
        if size >= _SAMPLE:
            break
        for piece in (provision.heading, provision.text):
            if piece:
                parts.append(piece)
                size += len(piece)
    return guess("\n".join(parts))


# The codes `draftkit diff --languages` takes, by the names `guess` gives.
_CODES = {"English": "en", "Ukrainian": "uk", "Russian": "ru"}


def languages_note(old: Draft, new: Draft) -> ReadWarning | None:
    """The note of a comparison between drafts in two languages (a translation taken for a
    round): compared word by word, every provision reads as deleted and added or rewritten,
    and the flags say so in earnest; None when both are in one language or either is unclear."""
    before, after = draft_language(old), draft_language(new)
    if before is None or after is None or before == after:
        return None
    how = (
        f"; two language versions of one text are compared with draftkit diff OLD NEW"
        f" --languages {_CODES[before]},{_CODES[after]}"
        if before in _CODES and after in _CODES
        else ""
    )
    return ReadWarning(
        "language",
        f"this draft reads as {after} and the one it is compared with as {before}: each provision"
        f" is compared word by word with one in another language, so the changes and flags found"
        f" are the translation's, not a negotiation's{how}",
    )


def language_note(draft: Draft) -> ReadWarning | None:
    """The reading note of a draft in a language draftkit's wording rules do not read."""
    language = draft_language(draft)
    if language is None or language in READ:
        return None
    return ReadWarning(
        "language",
        f"the text reads as {language}: every change is compared and listed, numbers, dates and"
        f" distances weighed, but draftkit's wording rules (an obligation weakened, a condition"
        f" added, required provisions) read {', '.join(READ[:-1])} and {READ[-1]}, not {language}",
    )
