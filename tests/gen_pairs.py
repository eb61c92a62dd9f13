"""Labelled version pairs for alignment tests: a random base draft, known edits, the truth.

`make_pair(seed)` builds a framework text of numbered articles, paragraphs ("1.") and
points ("(a)"), then edits it the way negotiators do between rounds (rewording, numbers,
"shall" → "may", paragraphs inserted, deleted, moved, split and merged, points swapped, a
whole article inserted near the top with every later article renumbered and every
"Article N" reference rewritten). Each provision carries a hidden identity that is never
put into the Draft (not even as `guid`, which the aligner would use), so the truth —
which old provision became which new one, as what kind of change — follows from the
identities and is correct by construction.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from draftkit.compare.changes import ChangeKind
from draftkit.model import Draft, Kind, Provision
from draftkit.model.ids import assign_eids

# -- vocabulary -----------------------------------------------------------------------------
# Phrases in the register of ceasefire and framework agreements. Sentences are assembled
# from a subject, an obligation word, a verb phrase and qualifiers, so provisions share
# boilerplate the way real ones do (pairwise similarity close to the bundled drafts').

TITLE = "FRAMEWORK AGREEMENT ON THE CESSATION OF HOSTILITIES BETWEEN THE PARTIES"
PREAMBLE = (
    'The Republic of Veloria and the Astrian Federation, hereinafter referred to as "the Parties",',
    "Determined to bring about a durable cessation of hostilities,",
    "Have agreed as follows:",
)
HEADINGS = (
    "Definitions",
    "Ceasefire",
    "Disengagement of Forces",
    "Demilitarized Zone",
    "Withdrawal of Heavy Weapons",
    "Limitation of Forces",
    "Monitoring and Verification",
    "Security Guarantees",
    "Territorial Arrangements",
    "Reconstruction and Recovery",
    "Frozen Assets",
    "Sanctions",
    "Humanitarian Matters",
    "Detained Persons",
    "Missing Persons",
    "Return of Displaced Persons",
    "Political Provisions",
    "Amnesty",
    "Local Elections",
    "Language Rights",
    "Joint Commission",
    "Settlement of Disputes",
    "Mine Action",
    "Maritime Arrangements on Lake Ostra",
    "Economic Cooperation",
    "Restoration of Infrastructure",
    "Transitional Justice",
    "Exchange of Prisoners",
    "Cultural Heritage",
    "Freedom of Movement",
    "Implementation",
    "Entry into Force",
    "Final Provisions",
    "Status of the Monitors",
)
SUBJECTS = (
    "The Parties",
    "Each Party",
    "The Guarantors",
    "The Monitoring Mission",
    "The Joint Commission",
    "The Contact Group",
    "The Meridian Security Organisation",
    "The Halvern Development Bank",
    "The Government of the Republic of Veloria",
    "The Government of the Astrian Federation",
    "The competent authorities of each Party",
    "The Humanitarian Coordinator",
    "The Mine Action Centre",
    "The Secretariat of the Joint Commission",
    "The armed forces of each Party",
    "The Office of the Special Envoy",
)
MODALS = (
    "shall",
    "shall",
    "shall",
    "shall",
    "may",
    "shall not",
    "shall, where possible,",
    "will endeavour to",
)
VERB_PHRASES = (
    "withdraw Heavy Weapons from the Line of Contact",
    "establish a joint coordination centre for the exchange of information",
    "release all persons detained in connection with the hostilities",
    "facilitate the voluntary return of displaced persons to their places of origin",
    "ensure unimpeded access for humanitarian organisations to all affected areas",
    "notify the Monitoring Mission of the location of all storage sites",
    "refrain from any offensive military operation",
    "submit a written report on the implementation of this Agreement",
    "remove all mines, booby traps and unexploded ordnance",
    "restore the supply of electricity, water and gas to the affected settlements",
    "grant the monitors unrestricted freedom of movement",
    "exchange all available information on missing persons",
    "convene consultations at the level of senior officials",
    "lift the economic sanctions imposed in connection with the hostilities",
    "reduce the active-duty strength of the armed forces",
    "disband all irregular armed formations operating in the Contested Areas",
    "open the crossing points on the Administrative Boundary Line to civilian traffic",
    "protect cultural and religious sites in the Contested Areas",
    "guarantee the right of all persons to use their own language in public life",
    "organise local elections under international observation",
    "transfer frozen assets to the Reconstruction Fund",
    "adopt the legislation necessary to give effect to this Agreement",
    "investigate any alleged violation of the ceasefire",
    "provide security guarantees to the Republic of Veloria",
    "refrain from the deployment of naval vessels on Lake Ostra",
    "publish the maps showing the Demilitarized Zone",
    "issue orders to implement the ceasefire to all units under their control",
    "establish a commission for the identification of mortal remains",
    "repair damaged bridges, railways and port facilities",
    "deliver food, medicine and shelter materials to the civilian population",
    "ensure the safety of the monitors and of their equipment",
    "destroy or remove all fortifications in the Demilitarized Zone",
    "pay compensation for property destroyed during the hostilities",
    "resolve any dispute concerning the interpretation of this Agreement",
    "review the implementation of the security arrangements",
    "set up joint patrols along the Line of Contact",
    "dismantle checkpoints that restrict the movement of civilians",
    "preserve all evidence relating to serious violations of international humanitarian law",
    "allocate funds for the rehabilitation of schools and hospitals",
    "recognise documents issued by the authorities of the other Party",
)
QUALIFIERS = (
    "within {N} days of the entry into force of this Agreement",
    "not later than {N} months after the signature of this Agreement",
    "in accordance with Article {ref}",
    "as provided for in Article {ref}",
    "after the completion of the withdrawal referred to in Article {ref}",
    "under the supervision of the Monitoring Mission",
    "in consultation with the Guarantors",
    "in the Kessel Valley and the Drava Corridor",
    "to a distance of not less than {N} km from the Line of Contact",
    "without prejudice to the rights of the civilian population",
    "at the request of either Party",
    "on the basis of reciprocity",
    "subject to verification by the Monitoring Mission",
    "unless the Parties agree otherwise",
    "as described in Annex I",
    "including in the Contested Areas",
    "and shall inform the Joint Commission accordingly",
    "with the assistance of the international community",
    "in a manner consistent with international humanitarian law",
    "for a period of {N} years",
    "in coordination with the competent local authorities",
    "with a budget of up to EUR {N} million",
    "at least once every {N} months",
    "on the western shore of Lake Ostra",
    "through the Joint Commission",
    "in accordance with the procedures adopted by the Joint Commission",
    "by means of a joint declaration",
    "for the benefit of all persons affected by the hostilities",
    "with the participation of representatives of civil society",
    "in the presence of observers from the Contact Group",
)
LEAD_INS = (
    "{S} shall, {Q}, take the following measures:",
    "{S} shall, {Q} and {Q2}, in particular:",
    "For the purposes of this Article, {s} {M}, {Q}:",
    "{S} {M} ensure, {Q}, that the following conditions are met:",
)
NUMBERS = (3, 5, 7, 10, 12, 14, 15, 20, 21, 25, 30, 45, 50, 60, 72, 90, 100, 120, 180, 250, 400)
# Word-level rewording: a drafter's substitutions, insertions and deletions.
SYNONYMS = {
    "withdraw": "relocate",
    "establish": "create",
    "ensure": "guarantee",
    "facilitate": "support",
    "all": "any",
    "civilian": "local",
    "international": "regional",
    "joint": "common",
    "unimpeded": "safe",
    "agree": "decide",
    "damaged": "destroyed",
    "local": "municipal",
    "written": "detailed",
    "protect": "safeguard",
    "review": "assess",
    "publish": "circulate",
    "repair": "rebuild",
    "food": "water",
    "schools": "kindergartens",
    "persons": "individuals",
    "consultation": "cooperation",
    "supervision": "oversight",
    "affected": "neighbouring",
    "exchange": "share",
    "deliver": "provide",
    "voluntary": "safe",
    "senior": "high-level",
}
INSERTIONS = (
    "fully",
    "promptly",
    "jointly",
    "where appropriate,",
    "in good faith",
    "without delay",
    "as a matter of priority",
    "effectively",
    "immediately",
)

# -- the editable tree ----------------------------------------------------------------------
_REF = re.compile(r"\{(a\d+)\}")  # "Article {a3}" in a template: a reference to article a3


@dataclass
class _Node:
    """A provision being edited: hidden identity, template text (references unresolved)."""

    ident: str
    kind: Kind
    text: str = ""
    heading: str | None = None
    children: list[_Node] = field(default_factory=list)

    def walk(self) -> Iterator[_Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def copy(self) -> _Node:
        return _Node(self.ident, self.kind, self.text, self.heading, [c.copy() for c in self.children])


@dataclass(frozen=True, slots=True)
class Expected:
    """One unit of the truth: old eid(s) → new eid(s), the change kind, and `moved`.

    `moved` is None for the two points of a swap: which one of them "moved" is a choice
    (either is a minimal explanation); LabelledPair.swaps requires at least one.
    """

    old: tuple[str, ...]
    new: tuple[str, ...]
    kind: ChangeKind
    moved: bool | None


@dataclass(frozen=True, slots=True)
class LabelledPair:
    """Two rounds of a draft and the truth about what happened between them."""

    seed: int
    old: Draft
    new: Draft
    truth: tuple[Expected, ...]
    swaps: tuple[tuple[str, str], ...]  # old eids of swapped points
    edits: tuple[str, ...]  # what was done, in words, for failure messages


# -- sentences ------------------------------------------------------------------------------
def _key(text: str) -> str:
    """Comparison form of a text, for distinctness."""
    return " ".join(text.lower().split())


def _editable(words: list[str], k: int) -> bool:
    """A word the rewording may touch: not a reference, nor the 'Article' before one."""
    if "{" in words[k] or words[k] == "Article":
        return False
    return not (k + 1 < len(words) and "{" in words[k + 1])


class _Writer:
    """Draws distinct provision texts; `refs` are the article identities a text may cite."""

    def __init__(self, rng: random.Random, used: set[str] | None = None) -> None:
        self.rng = rng
        self.used: set[str] = used if used is not None else set()
        self.counter = 0
        self.uses: dict[str, int] = {}

    def pick(self, pool: Sequence[str]) -> str:
        """A random phrase among the least used of `pool`: real drafts rarely repeat a whole
        obligation. Shared subjects and qualifiers still make these texts a little more alike
        than the bundled drafts' (mean pairwise ratio ≈ 0.44 against 0.39): a harder test."""
        fewest = min(self.uses.get(x, 0) for x in pool)
        phrase = self.rng.choice([x for x in pool if self.uses.get(x, 0) == fewest])
        self.uses[phrase] = self.uses.get(phrase, 0) + 1
        return phrase

    def ident(self, prefix: str) -> str:
        """A fresh hidden identity."""
        self.counter += 1
        return f"{prefix}{self.counter}"

    def _qualifier(self, refs: Sequence[str]) -> str:
        choices = QUALIFIERS if refs else tuple(q for q in QUALIFIERS if "{ref}" not in q)
        q = self.pick(choices)
        q = q.replace("{N}", str(self.rng.choice(NUMBERS)))
        return q.replace("{ref}", "{" + self.rng.choice(refs) + "}") if refs else q

    def _distinct(self, make: Callable[[], str], lo: int, hi: int) -> str:
        for _ in range(1000):
            text = make()
            if lo <= len(text.split()) <= hi and _key(text) not in self.used:
                self.used.add(_key(text))
                return text
        raise RuntimeError("vocabulary exhausted")  # millions of combinations: not reached

    def sentence(self, refs: Sequence[str], lo: int = 15, hi: int = 40) -> str:
        """'<Subject> shall <verb phrase> <qualifiers>.'"""

        def make() -> str:
            quals = [self._qualifier(refs) for _ in range(self.rng.randint(1, 3))]
            parts = [self.rng.choice(SUBJECTS), self.rng.choice(MODALS), self.pick(VERB_PHRASES)]
            return " ".join([*parts, *quals]) + "."

        return self._distinct(make, lo, hi)

    def two_sentences(self, refs: Sequence[str]) -> str:
        """Two sentences in one paragraph: material for a split."""
        return self._distinct(lambda: f"{self.sentence(refs, 9, 22)} {self.sentence(refs, 8, 20)}", 17, 40)

    def lead_in(self, refs: Sequence[str]) -> str:
        """The own text of a paragraph that introduces points, ending with a colon."""

        def make() -> str:
            template = self.rng.choice(LEAD_INS)
            subject = self.rng.choice(SUBJECTS)
            return (
                template.replace("{S}", subject)
                .replace("{s}", subject[0].lower() + subject[1:])
                .replace("{M}", self.rng.choice(MODALS))
                .replace("{Q2}", self._qualifier(refs))
                .replace("{Q}", self._qualifier(refs))
            )

        return self._distinct(make, 12, 40)

    def point(self, refs: Sequence[str]) -> str:
        """A point of a list: verb phrase and qualifiers, ending with a semicolon."""

        def make() -> str:
            quals = [self._qualifier(refs) for _ in range(self.rng.randint(1, 2))]
            return " ".join([self.pick(VERB_PHRASES), *quals]) + ";"

        return self._distinct(make, 15, 32)

    def paragraph(self, refs: Sequence[str], points: bool | None = None) -> _Node:
        """A new paragraph: sometimes a lead-in with points, sometimes two sentences."""
        rng = self.rng
        if points is None:
            points = rng.random() < 0.25
        node = _Node(self.ident("p"), "paragraph")
        if points:
            node.text = self.lead_in(refs)
            node.children = [
                _Node(self.ident("t"), "point", self.point(refs)) for _ in range(rng.randint(2, 4))
            ]
        elif rng.random() < 0.3:
            node.text = self.two_sentences(refs)
        else:
            node.text = self.sentence(refs)
        return node

    def article(self, refs: Sequence[str], heading: str) -> _Node:
        """A new article of one to five paragraphs."""
        node = _Node(self.ident("a"), "article", heading=heading)
        node.children = [self.paragraph(refs) for _ in range(self.rng.randint(1, 5))]
        return node

    def _fresh(self, text: str) -> str | None:
        if _key(text) in self.used:
            return None
        self.used.add(_key(text))
        return text

    def _edit_words(self, text: str) -> str:
        """One drafter's edit: a word substituted, a modifier inserted, a word or two deleted,
        a qualifier added before the final stop, or one dropped; references stay."""
        rng = self.rng
        op = rng.choice(("substitute", "insert", "delete", "add", "drop"))
        present = [q for q in QUALIFIERS if "{" not in q and f" {q}" in text]
        if op == "add":
            q = self._qualifier(())
            return f"{text[:-1]} {q}{text[-1]}"
        if op == "drop" and present and len(text.split()) > 20:
            return text.replace(f" {rng.choice(present)}", "", 1)
        words = text.split(" ")
        # The last word carries the final stop (or colon): never edit it.
        free = [k for k in range(1, len(words) - 1) if _editable(words, k)]
        subs = [k for k in free if words[k] in SYNONYMS]
        if op == "substitute" and subs:
            k = rng.choice(subs)
            words[k] = SYNONYMS[words[k]]
        elif op == "delete" and len(free) > 8:
            k = rng.choice(free)
            span = 2 if k + 1 in free and rng.random() < 0.5 else 1
            del words[k : k + span]
        else:
            words.insert(rng.choice(free or [1]), rng.choice(INSERTIONS))
        return " ".join(words)

    def reword(self, text: str) -> str:
        """One or two small edits of the wording (see `_edit_words`)."""
        for _ in range(100):
            out = text
            for _ in range(self.rng.randint(1, 2)):
                out = self._edit_words(out)
            if out != text and self._fresh(out) is not None:
                return out
        raise RuntimeError("could not reword")  # not reached: texts have many free words

    def change_number(self, text: str) -> str | None:
        """One number changed ("within 30 days" → "within 45 days"); None if there is none."""
        spans = [m.span() for m in re.finditer(r"(?<![{\w])\d+(?![\w}])", text)]
        if not spans:
            return None
        a, b = self.rng.choice(spans)
        number = self.rng.choice([n for n in NUMBERS if str(n) != text[a:b]])
        return self._fresh(f"{text[:a]}{number}{text[b:]}")

    def change_obligation(self, text: str) -> str | None:
        """'shall' → 'may' (or back); None if the text has neither."""
        for old, new in ((" shall ", " may "), (" may ", " shall ")):
            if old in text:
                return self._fresh(text.replace(old, new, 1))
        return None


# -- edits ----------------------------------------------------------------------------------
EDIT_KINDS: dict[str, float] = {
    "reword": 3.0,
    "number": 2.0,
    "obligation": 2.0,
    "insert_paragraph": 2.0,
    "delete_paragraph": 2.0,
    "insert_article": 1.0,
    "move": 1.5,
    "move_edit": 1.5,
    "split": 1.5,
    "merge": 1.5,
    "swap_points": 1.5,
}
_SENTENCE_END = re.compile(r"\. (?=[A-Z])")


class _Editor:
    """Applies known edits to a copy of the base tree and remembers what became of what."""

    def __init__(self, rng: random.Random, writer: _Writer, articles: list[_Node]) -> None:
        self.rng = rng
        self.writer = writer
        self.articles = articles
        self.touched: set[str] = set()  # identities already edited: one edit per provision
        self.splits: dict[str, tuple[str, str]] = {}
        self.merges: dict[str, tuple[str, str]] = {}
        self.swaps: list[tuple[str, str]] = []
        self.log: list[str] = []

    def _free(self, node: _Node) -> bool:
        return all(n.ident not in self.touched for n in node.walk())

    def _touch(self, node: _Node) -> None:
        self.touched.update(n.ident for n in node.walk())

    def _paragraphs(self) -> list[tuple[_Node, _Node]]:
        return [(art, para) for art in self.articles for para in art.children]

    def _refs(self) -> list[str]:
        return [art.ident for art in self.articles]

    def apply(self, kind: str) -> bool:
        """Apply one edit of `kind`; False when the draft offers no place for it."""
        edits: dict[str, Callable[[], bool]] = {
            "reword": self._reword,
            "number": self._number,
            "obligation": self._obligation,
            "insert_paragraph": self._insert_paragraph,
            "delete_paragraph": self._delete_paragraph,
            "insert_article": self._insert_article,
            "move": self._move,
            "move_edit": self._move_edit,
            "split": self._split,
            "merge": self._merge,
            "swap_points": self._swap_points,
        }
        return edits[kind]()

    def _retext(self, change: Callable[[str], str | None], what: str) -> bool:
        nodes = [n for _, p in self._paragraphs() for n in p.walk() if n.ident not in self.touched]
        self.rng.shuffle(nodes)
        for node in nodes:
            text = change(node.text)
            if text is not None:
                self.log.append(f"{what} {node.ident}: {node.text!r} → {text!r}")
                node.text = text
                self.touched.add(node.ident)
                return True
        return False

    def _reword(self) -> bool:
        return self._retext(self.writer.reword, "reworded")

    def _number(self) -> bool:
        return self._retext(self.writer.change_number, "number changed in")

    def _obligation(self) -> bool:
        return self._retext(self.writer.change_obligation, "obligation changed in")

    def _insert_paragraph(self) -> bool:
        art = self.rng.choice(self.articles)
        para = self.writer.paragraph(self._refs())
        at = self.rng.randint(0, len(art.children))
        art.children.insert(at, para)
        self._touch(para)
        self.log.append(f"inserted {para.ident} into {art.ident} at {at}")
        return True

    def _removable(self) -> list[tuple[_Node, _Node]]:
        # An article keeps at least one paragraph: an emptied article is a different edit.
        return [(a, p) for a, p in self._paragraphs() if len(a.children) > 1 and self._free(p)]

    def _delete_paragraph(self) -> bool:
        candidates = self._removable()
        if not candidates:
            return False
        art, para = self.rng.choice(candidates)
        art.children.remove(para)
        self.log.append(f"deleted {para.ident} from {art.ident}")
        return True

    def _insert_article(self) -> bool:
        used = {a.heading for a in self.articles}
        heading = self.rng.choice([h for h in HEADINGS if h not in used])
        art = self.writer.article(self._refs(), heading)
        at = self.rng.randint(0, min(2, len(self.articles)))
        self.articles.insert(at, art)
        self._touch(art)
        self.log.append(f"inserted article {art.ident} ({heading}) at {at}: later articles renumbered")
        return True

    def _move(self, edit: bool = False) -> bool:
        candidates = self._removable()
        if not candidates or len(self.articles) < 2:
            return False
        art, para = self.rng.choice(candidates)
        target = self.rng.choice([a for a in self.articles if a is not art])
        art.children.remove(para)
        at = self.rng.randint(0, len(target.children))
        target.children.insert(at, para)
        self._touch(para)
        if edit:
            para.text = self.writer.reword(para.text)
        self.log.append(
            f"moved{' and reworded' if edit else ''} {para.ident} from {art.ident} to {target.ident}"
        )
        return True

    def _move_edit(self) -> bool:
        return self._move(edit=True)

    def _split(self) -> bool:
        candidates = [
            (a, p)
            for a, p in self._paragraphs()
            if not p.children and self._free(p) and len(_SENTENCE_END.findall(p.text)) == 1
        ]
        if not candidates:
            return False
        art, para = self.rng.choice(candidates)
        first, second = _SENTENCE_END.split(para.text)
        parts = (
            _Node(self.writer.ident("p"), "paragraph", first + "."),
            _Node(self.writer.ident("p"), "paragraph", second),
        )
        at = art.children.index(para)
        art.children[at : at + 1] = parts
        self.splits[para.ident] = (parts[0].ident, parts[1].ident)
        self.touched.update(p.ident for p in parts)
        self.log.append(f"split {para.ident} into {parts[0].ident} + {parts[1].ident}")
        return True

    def _merge(self) -> bool:
        candidates = [
            (a, k)
            for a in self.articles
            for k in range(len(a.children) - 1)
            if all(not p.children and self._free(p) for p in a.children[k : k + 2])
        ]
        if not candidates:
            return False
        art, k = self.rng.choice(candidates)
        one, two = art.children[k : k + 2]
        if self.rng.random() < 0.5:
            text = f"{one.text} {two.text}"
        else:  # joined into one sentence, as drafters usually do
            text = f"{one.text.rstrip('.')}, and {two.text[0].lower()}{two.text[1:]}"
        merged = _Node(self.writer.ident("p"), "paragraph", text)
        art.children[k : k + 2] = [merged]
        self.merges[merged.ident] = (one.ident, two.ident)
        self.touched.add(merged.ident)
        self.log.append(f"merged {one.ident} + {two.ident} into {merged.ident}")
        return True

    def _swap_points(self) -> bool:
        candidates = [
            (p, k)
            for _, p in self._paragraphs()
            for k in range(len(p.children) - 1)
            if all(self._free(t) for t in p.children[k : k + 2])
        ]
        if not candidates:
            return False
        para, k = self.rng.choice(candidates)
        one, two = para.children[k : k + 2]
        para.children[k : k + 2] = [two, one]
        self.swaps.append((one.ident, two.ident))
        self.touched.update((one.ident, two.ident))
        self.log.append(f"swapped points {one.ident} and {two.ident} of {para.ident}")
        return True


# -- building drafts ------------------------------------------------------------------------
def _provisions(articles: Sequence[_Node]) -> tuple[Provision, ...]:
    """Provision trees with labels from the current positions and references resolved."""
    numbers = {art.ident: n for n, art in enumerate(articles, 1)}

    def resolve(text: str) -> str:
        return _REF.sub(lambda m: str(numbers[m.group(1)]), text)

    def point(node: _Node, k: int) -> Provision:
        return Provision("point", f"({string.ascii_lowercase[k - 1]})", k, None, resolve(node.text))

    def paragraph(node: _Node, k: int) -> Provision:
        points = tuple(point(t, j) for j, t in enumerate(node.children, 1))
        return Provision("paragraph", f"{k}.", k, None, resolve(node.text), points)

    def article(node: _Node, n: int) -> Provision:
        paragraphs = tuple(paragraph(p, k) for k, p in enumerate(node.children, 1))
        return Provision("article", f"Article {n}", n, node.heading, "", paragraphs)

    return assign_eids([article(a, n) for n, a in enumerate(articles, 1)])


def _build(
    articles: Sequence[_Node],
) -> tuple[Draft, dict[str, str], dict[str, str | None], dict[str, _Node]]:
    """The Draft, and per identity: eid, parent identity, node."""
    draft = Draft(TITLE, PREAMBLE, _provisions(articles))
    nodes = [n for art in articles for n in art.walk()]
    eids = {node.ident: p.eid for node, p in zip(nodes, draft.walk(), strict=True)}
    parents: dict[str, str | None] = {}
    for art in articles:
        parents[art.ident] = None
        for node in art.walk():
            for child in node.children:
                parents[child.ident] = node.ident
    return draft, eids, parents, {n.ident: n for n in nodes}


def _base(rng: random.Random, writer: _Writer, n_articles: int) -> list[_Node]:
    headings = rng.sample(HEADINGS, n_articles)
    idents = [writer.ident("a") for _ in range(n_articles)]
    articles = []
    for ident, heading in zip(idents, headings, strict=True):
        art = writer.article(idents, heading)
        art.ident = ident  # identities fixed first so any article may cite any other
        articles.append(art)
    return articles


def make_draft(seed: int, n_articles: int = 12) -> Draft:
    """The base draft `make_pair(seed, n_articles)` starts from."""
    rng = random.Random(seed)
    return _build(_base(rng, _Writer(rng), n_articles))[0]


def make_pair(seed: int, n_articles: int = 12, *, edits: Sequence[str] | None = None) -> LabelledPair:
    """A base draft, a random set of known edits (or exactly `edits`, in order), and the truth."""
    if not 1 <= n_articles <= len(HEADINGS) - 3:
        raise ValueError(f"n_articles must be 1..{len(HEADINGS) - 3}")
    rng = random.Random(seed)
    writer = _Writer(rng)
    base = _base(rng, writer, n_articles)
    editor = _Editor(rng, writer, [art.copy() for art in base])
    if edits is None:
        kinds = list(EDIT_KINDS)
        edits = rng.choices(kinds, weights=[EDIT_KINDS[k] for k in kinds], k=rng.randint(4, 10))
    for kind in edits:
        if kind not in EDIT_KINDS:
            raise ValueError(f"unknown edit {kind!r}")
        editor.apply(kind)
    old, old_eid, old_parent, old_node = _build(base)
    new, new_eid, new_parent, new_node = _build(editor.articles)

    swapped = {x for pair in editor.swaps for x in pair}
    merged_from = {o: m for m, olds in editor.merges.items() for o in olds}
    produced = {n for parts in editor.splits.values() for n in parts} | set(editor.merges)
    truth: list[Expected] = []
    for ident, node in old_node.items():
        if ident in new_node:
            after = new_node[ident]
            same = (node.text, node.heading) == (after.text, after.heading)
            moved = None if ident in swapped else old_parent[ident] != new_parent[ident]
            truth.append(
                Expected((old_eid[ident],), (new_eid[ident],), "unchanged" if same else "modified", moved)
            )
        elif ident in editor.splits:
            parts = tuple(new_eid[p] for p in editor.splits[ident])
            truth.append(Expected((old_eid[ident],), parts, "split", False))
        elif ident in merged_from:
            m = merged_from[ident]
            if editor.merges[m][0] == ident:
                olds = tuple(old_eid[o] for o in editor.merges[m])
                truth.append(Expected(olds, (new_eid[m],), "merged", False))
        else:
            truth.append(Expected((old_eid[ident],), (), "deleted", False))
    for ident in new_node:
        if ident not in old_node and ident not in produced:
            truth.append(Expected((), (new_eid[ident],), "added", False))
    swaps = tuple((old_eid[a], old_eid[b]) for a, b in editor.swaps)
    return LabelledPair(seed, old, new, tuple(truth), swaps, tuple(editor.log))


# -- helpers for properties and debugging ---------------------------------------------------
_ARTICLE_NUM = re.compile(r"Article (\d+)")


def insert_article_at_top(draft: Draft, seed: int = 0) -> Draft:
    """`draft` with a new Article 1 first, every article renumbered up by one and every
    "Article N" reference to them rewritten, as a careful drafter would."""
    numbers = {
        int(m.group(1))
        for p in draft.walk()
        if p.kind == "article" and p.num
        for m in [_ARTICLE_NUM.fullmatch(p.num.strip())]
        if m
    }

    def bump(text: str) -> str:
        return _ARTICLE_NUM.sub(
            lambda m: f"Article {int(m.group(1)) + 1}" if int(m.group(1)) in numbers else m.group(0), text
        )

    def renumber(p: Provision) -> Provision:
        num, ordinal = p.num, p.ordinal
        m = _ARTICLE_NUM.fullmatch((p.num or "").strip())
        if p.kind == "article" and m:
            ordinal = int(m.group(1)) + 1
            num = f"Article {ordinal}"
        return replace(
            p, num=num, ordinal=ordinal, text=bump(p.text), children=tuple(map(renumber, p.children))
        )

    rng = random.Random(seed)
    writer = _Writer(rng, used={_key(p.text) for p in draft.walk()})
    used = {p.heading for p in draft.walk()}
    node = writer.article((), rng.choice([h for h in HEADINGS if h not in used]))
    new = _provisions([node])[0]
    return replace(draft, provisions=assign_eids([new, *map(renumber, draft.provisions)]))


def to_text(draft: Draft) -> str:
    """The draft as a plain-text file in the bundled drafts' layout (for the reader, and for eyes)."""
    lines: list[str] = [draft.title or "", ""]
    for paragraph in draft.preamble:
        lines += [paragraph, ""]
    for art in draft.provisions:
        lines += [f"{art.num} — {art.heading}" if art.heading else art.num or "", ""]
        lines += [f"{p.num} {p.text}" for para in art.children for p in para.walk()]
        lines.append("")
    return "\n".join(lines)
