"""Evidence of compare.content: what two rewordings of one provision share."""

from __future__ import annotations

from draftkit.compare.content import ContentSimilarity


def _shared(old: str, new: str) -> list[str]:
    return ContentSimilarity([old], [new]).shared(0, 0)


def test_a_period_in_weeks_is_the_same_number_of_days() -> None:
    shared = _shared("Troops leave within 21 days.", "Troops leave within three weeks.")
    assert "#21" in shared
    assert "#21" not in _shared("Troops leave within 20 days.", "Troops leave within three weeks.")


def test_numbers_spelled_out_are_numbers() -> None:
    assert "#2" in _shared("for 2 years", "for two years")


def test_a_name_opening_a_sentence_counts_when_used_as_a_name_elsewhere() -> None:
    old = "The Government of Lorvania shall withdraw its units."
    assert "@lorvan" in _shared(old, "Lorvanian forces shall leave.")
    # A word capitalised only where it opens a sentence is not a name.
    assert not [k for k in _shared("Troops shall leave.", "Troops leave at once.") if k[0] == "@"]


def test_signature_and_signed_are_one_root() -> None:
    assert "sign" in _shared("within a week of signature", "a week after it is signed")


def test_topics_by_word_index_are_the_category_regexes() -> None:
    """`topics` searches only the terms a word of an ASCII text can start; the result is the
    one each category's whole regex gives (the rule), for every term of the taxonomy written
    in several ways, inside and outside words, and texts that fold to ASCII terms."""
    from draftkit.compare import content

    texts = ["Line  of\ncontact", "LINE OF CONTACT", "Borderlands", "the DMZ.", "xdmz", "ſecurity guarantees"]
    for name, terms in content._topic_terms():
        for term in terms:
            words = term.replace("*", "ing")
            texts += [words, words.upper(), f"The {words}.", f"x{words}", f"{words}x", term.replace("*", "")]
            texts += [f"{words} (“{name}”)", words.replace(" ", "\n")]
            # Every word of a term present (what `topics` checks before the regex), in another
            # order, apart, with punctuation between, or cut inside a word.
            parts = words.split()
            texts += [
                " ".join(reversed(parts)),
                " and ".join(parts),
                ", ".join(parts),
                words.replace("-", " "),
            ]
    names = [name for name, _ in content._topic_terms()]
    assert len(names) >= 5
    for text in texts:
        expected = ["§" + name for name in names if content._category_matcher(name).search(text)]
        assert content.topics(text) == expected, text
