"""A renegotiated round whose deletions stand beside rewritten points (the shape of
benchmarks/heldout2's Colombia pair, in other words): what a reader keeps deleted + added.

- A deleted point and an inserted one that share only the name of the body the whole text is
  about ("the Transitional Tribunal of Velmar", named in five points) are not one point: a
  name of several words is one fact, not three names and three words
  (compare.content.ContentSimilarity.shared_facts), so the faint tier's three shared facts
  are not met by one name.
- A point dropped beside a rewritten one (the deposit with a named council, gone from the new
  text) is not merged into the rewrite: it names things of its own (a council, a city) and the
  rewrite holds nothing of its own, only the words it shares with its sibling ("Final
  Settlement", "signature"). Before, the merged text read more like the rewrite by characters
  only because the rewrite is the longer text.
"""

from __future__ import annotations

from pathlib import Path

from draftkit.compare import compare
from draftkit.compare.content import ContentSimilarity
from draftkit.readers import read

OLD = """SETTLEMENT WITH THE NORTHERN FRONT
Text of 3 March, put to the referendum of 20 April (extracts on the Transitional Tribunal and on implementation)

1. The State has the duty to investigate, establish the facts of, prosecute and punish grave abuses committed during the hostilities.

2. The Transitional Tribunal of Velmar shall hear only conduct committed before the entry into force of this Settlement, because of or in connection with the hostilities.

3. The Chamber of Judgment shall be composed of fifteen judges of Velmari nationality and five judges from abroad, all of the highest standing.

4. Penalties for those who admit their responsibility before the Chamber shall last between four and seven years and shall restrict their liberty of residence and movement.

5. When hostilities end, the State shall grant the widest possible pardon for rebellion and connected offences. Massacres, torture, abduction and forced recruitment of children shall not be pardoned.

6. Smuggling of arms undertaken to fund the uprising shall count as an offence connected to rebellion and may be pardoned.

7. Businesses that funded or aided irregular armed units may come forward of their own will before the Transitional Tribunal of Velmar.

8. Businesses that had a leading role in the gravest offences shall be compelled to appear before the Transitional Tribunal of Velmar wherever evidence establishes such a role.

9. Every measure shall be applied with a gender perspective, meaning the acknowledgement of equal rights for men and women and of the particular needs of each, above all of women and of minorities.

10. The Final Settlement shall be signed as a Solemn Declaration under Article 5 of the Oslin Charter and shall be written in full into the fundamental law, binding every future administration.

11. On signature, the Final Settlement shall be lodged with the Council of the Hanseatic League in Rostal as depositary of the Oslin Charter.
"""

NEW = """SETTLEMENT WITH THE NORTHERN FRONT
Revised Settlement of 12 June, after the referendum (extracts on the Transitional Tribunal and on implementation)

1. The State has the duty to investigate, establish the facts of, prosecute and punish grave abuses committed during the hostilities.

2. The Transitional Tribunal of Velmar shall hear only conduct committed before the entry into force of this Settlement, because of or in connection with the hostilities.

3. The Transitional Tribunal of Velmar shall sit for no more than eight years to complete its work, which may be prolonged once by no more than three years. Complaints may be lodged with it for one year from its establishment.

4. The Chamber of Judgment shall be composed of fifteen judges of Velmari nationality, of the highest standing. At the request of the accused, two jurists from abroad may give an opinion, without a vote.

5. Penalties for those who admit their responsibility before the Chamber shall last between four and seven years and shall restrict their liberty of residence and movement. The Chamber shall set the places where penalties are served, no larger than the cantonment areas, and their hours, under a monitoring scheme.

6. When hostilities end, the State shall grant the widest possible pardon for rebellion and connected offences. Massacres, torture, abduction and forced recruitment of children shall not be pardoned.

7. Whether smuggling of arms undertaken to fund the uprising is connected to rebellion shall be settled by the Transitional Tribunal of Velmar case by case, following the rulings of the High Court of Appeal.

8. Businesses that funded or aided irregular armed units may come forward of their own will before the Transitional Tribunal of Velmar.

9. While in the cantonment areas, the Northern Front shall list all its property and holdings, which shall serve to make good the losses of victims.

10. A gender perspective means that men and women are acknowledged as equal in rights, with regard to the particular needs of each, above all of women and of minorities; every measure shall be applied with that perspective.

11. Those contents of the Final Settlement that correspond to the laws of war or to basic rights shall be binding guides of interpretation for the statutes implementing it during the two terms of office following its signature. The Final Settlement shall not be written into the fundamental law.

12. The Government shall put to the Assembly, under the fast-track procedure, the bills and amendments needed to implement this Settlement.
"""


def _changes(tmp_path: Path) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(kind, old numbers, new numbers) of each change of the body."""
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(NEW, encoding="utf-8")
    comparison = compare(read(tmp_path / "old.txt"), read(tmp_path / "new.txt"))
    return {
        (c.kind, tuple(p.num or "" for p in c.old), tuple(p.num or "" for p in c.new))
        for c in comparison.changes
        if not any(p.kind in ("preface", "recital") for p in (*c.old, *c.new))
    }


def test_a_name_of_several_words_is_one_fact() -> None:
    content = ContentSimilarity(
        ["Units shall appear before the Transitional Tribunal of Velmar whenever evidence establishes it."],
        ["The Transitional Tribunal of Velmar shall sit for eight years from its establishment."],
    )
    assert content.shared_facts(0, 0) == {"establish", "transition tribun velmar"}


def test_a_deletion_sharing_only_the_texts_body_with_an_insertion_stays_deleted(tmp_path: Path) -> None:
    changes = _changes(tmp_path)
    assert ("deleted", ("8.",), ()) in changes
    assert ("added", (), ("3.",)) in changes


def test_a_point_dropped_beside_a_rewritten_one_is_not_merged_into_it(tmp_path: Path) -> None:
    changes = _changes(tmp_path)
    assert ("deleted", ("11.",), ()) in changes
    assert any(kind == "modified" and olds == ("10.",) and news == ("11.",) for kind, olds, news in changes)
