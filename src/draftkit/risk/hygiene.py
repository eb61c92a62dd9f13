"""Characters that deceive: invisible code points and look-alike letters (issue 13, item 4).

A party can make a text look like another: a zero-width space inside "8​00,000", a bidi
override that reorders what the eye reads, a Cyrillic "о" in "nоt" that the rules read as
another word. Takes a flagged `Comparison` and hands it on with a HIGH flag on every change
whose new (or old) text carries such characters that the other side does not, naming each
one and where it sits, and on every change whose two texts look the same on screen but
differ in their code points. Guarantees: only adds flags; never changes what changed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from draftkit.compare.changes import Change, Comparison, Flag
from draftkit.risk.taxonomy import GENERAL

# Invisible in print, or reordering what is printed (the character's usual name, for messages).
INVISIBLE: dict[str, str] = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2060": "word joiner",
    "\u2061": "invisible function application",
    "\u2062": "invisible times",
    "\u2063": "invisible separator",
    "\u2064": "invisible plus",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
    "\ufeff": "zero-width no-break space",
    "\u180e": "Mongolian vowel separator",
    "\u00ad": "soft hyphen",
}
_INVISIBLE_RE = re.compile("[" + "".join(INVISIBLE) + "]")

# Letters of other scripts drawn like Latin ones (the common part of Unicode's confusables).
LOOK_ALIKES: dict[str, str] = dict(
    zip(
        "аеорсухіјѕԁԛԝӏАВЕЗКМНОРСТУХІЈЅԌαβεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
        "aeopcyxijsdqwlABE3KMHOPCTYXIJSGaBeiKvopTuxABEZHIKMNOPTYX",
        strict=True,
    )
)
_WORD = re.compile(r"\w[\w\u00ad\u200b-\u200d\u2060\ufeff]*\w|\w")


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    for script in ("LATIN", "CYRILLIC", "GREEK"):
        if name.startswith(script):
            return script
    return ""


def skeleton(text: str) -> str:
    """What a reader sees: invisible characters dropped, look-alike letters as Latin, NFKC."""
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", text))
    return "".join(LOOK_ALIKES.get(c, c) for c in text)


def _shown(fragment: str) -> str:
    """The fragment with each invisible character spelled out: '8⟨U+200B⟩00,000'."""
    return _INVISIBLE_RE.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", fragment)


def _invisible(text: str) -> list[str]:
    """'zero-width space inside '8⟨U+200B⟩00,000'' for each invisible character."""
    out: list[str] = []
    for match in _INVISIBLE_RE.finditer(text):
        start, end = match.start(), match.end()
        while start > 0 and not text[start - 1].isspace() and match.start() - start < 20:
            start -= 1
        while end < len(text) and not text[end].isspace() and end - match.end() < 20:
            end += 1
        around = text[start:end]
        where = f"inside {_shown(around)!r}" if around.strip() != match.group() else "between words"
        out.append(f"{INVISIBLE[match.group()]} {where}")
    return out


def _mixed(text: str) -> list[str]:
    """Words that mix Latin with Cyrillic or Greek letters ('nоt' with a Cyrillic о)."""
    out: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group()
        scripts = {s for s in map(_script, word) if s}
        if "LATIN" in scripts and len(scripts) > 1:
            odd = next(c for c in word if _script(c) not in ("LATIN", ""))
            out.append(
                f"{word!r} mixes Latin and {_script(odd).capitalize()} letters ({odd} U+{ord(odd):04X})"
            )
    return out


def category_of(change: Change) -> str:
    """The change's first category, new side first (`general` when it has none)."""
    categories = change.new_category or change.old_category
    return categories[0] if categories else GENERAL


def _findings(change: Change) -> list[Flag]:
    old, new = change.old_text if change.old else "", change.new_text if change.new else ""
    category = category_of(change)
    flags: list[Flag] = []
    for side, text, other in (("new", new, old), ("old", old, new)):
        seen_other = set(_invisible(other)) | set(_mixed(other))
        for what in _invisible(text) + _mixed(text):
            if what in seen_other:
                continue  # the same characters on both sides: not this change's doing
            message = f"Hidden or look-alike characters in the {side} text: {what}"
            flags.append(Flag("hidden-characters", category, "high", message, "", ""))
    if change.old and change.new and old != new and skeleton(old) == skeleton(new):
        flags.append(
            Flag(
                "hidden-characters",
                category,
                "high",
                "The text looks unchanged on screen but its characters differ (invisible or look-alike characters)",
                "",
                "",
            )
        )
    return flags


def check(comparison: Comparison) -> Comparison:
    """The comparison with a flag on every change that hides or disguises characters."""
    changes: list[Change] = []
    for change in comparison.changes:
        old, new = change.old_text if change.old else "", change.new_text if change.new else ""
        if (old.isascii() and new.isascii()) or (change.old and change.new and old == new):
            changes.append(change)  # nothing to hide, or the same characters on both sides
            continue
        extra = _findings(change)
        kept = change.flags
        if any(f.message.startswith("The text looks unchanged") for f in extra):
            # What the rules found is an artefact of the disguised characters ("not" read as
            # another word): on screen nothing changed but them.
            kept = ()
        changes.append(replace(change, flags=(*extra, *kept)) if extra else change)
    return replace(comparison, changes=tuple(changes))
