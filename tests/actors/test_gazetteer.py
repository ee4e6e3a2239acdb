"""The gazetteer loader: generated actors, lookup, user extensions and validation errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads.actors import Gazetteer, load_gazetteer, normalise, slug
from dyads.actors.descriptors import load_descriptors, parse_descriptors
from dyads.errors import DataError
from dyads.pipeline import Pipeline


def test_generated_country_actors(gazetteer: Gazetteer) -> None:
    iran = gazetteer.get("iran")
    assert iran is not None and iran.type == "state" and iran.country == "IRN"
    gov = gazetteer.get("iran.government")
    mil = gazetteer.get("sudan.military")
    assert gov is not None and gov.type == "government" and gov.parent == "iran"
    assert mil is not None and mil.type == "military" and mil.parent == "sudan"


def test_lookup_is_normalised(gazetteer: Gazetteer) -> None:
    assert [a.id for a in gazetteer.lookup("the Houthis")] == ["houthis"]
    assert [a.id for a in gazetteer.lookup("ansar allah")] == ["houthis"]
    assert [a.id for a in gazetteer.lookup("IRGC")] == ["irgc"]
    assert gazetteer.lookup("no such actor") == []


def test_normalise_and_slug() -> None:
    assert normalise("The  Félix-Tshisekedi’s") == "felix tshisekedis"
    assert slug("Hayat Tahrir al-Sham") == "hayat-tahrir-al-sham"


def test_shipped_gazetteer_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()


def write(tmp_path: Path, text: str, name: str = "user.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_extends_and_adds(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
- id: iran.military
  aliases: [Artesh regulars]
- id: shadow-brigade
  name: Shadow Brigade
  type: armed_group
  country: IRQ
  aliases: [the Shadows]
""",
    )
    gaz = load_gazetteer([path])
    assert "Artesh regulars" in gaz.actors["iran.military"].aliases
    assert gaz.actors["iran.military"].type == "military"  # other fields kept
    assert gaz.actors["shadow-brigade"].origin == "user"
    assert [a.id for a in gaz.lookup("Shadows")] == ["shadow-brigade"]
    assert "shadow-brigade" not in load_gazetteer().actors  # the shipped copy is untouched


def test_user_actor_is_recognised_in_text(tmp_path: Path) -> None:
    from dyads import nlp as nlp_stage
    from dyads.actors import ActorResolver

    path = write(
        tmp_path,
        "- id: shadow-brigade\n  name: Shadow Brigade\n  type: armed_group\n  acronyms: [SHB]\n",
    )
    resolver = ActorResolver(load_gazetteer([path]))
    nlp = nlp_stage.load_model()
    doc = nlp("The SHB attacked the convoy.")
    got = resolver.resolve("d", [doc], lambda i, s, e: (s, e))
    assert [(m.text, m.actor_id, m.rule) for m in got.mentions] == [
        ("SHB", "shadow-brigade", "acronym")
    ]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("- id: a-group\n  name: A Group\n  type: gang\n", 3, "unknown type 'gang'"),
        (
            "- id: ok\n  name: Ok\n  type: other\n- id: Bad Id\n  name: B\n  type: other\n",
            4,
            "needs an 'id'",
        ),
        ("- id: x\n  type: other\n", 1, "needs a 'name'"),
        ("- id: x\n  name: X\n  type: other\n  alias: [Y]\n", 4, "unknown field 'alias'"),
        (
            "- id: x\n  name: X\n  type: other\n  parent: nobody\n",
            4,
            "parent 'nobody' is not a known actor id",
        ),
        ("- id: x\n  name: X\n  type: other\n  country: XXQ\n", 4, "unknown country code 'XXQ'"),
        ("- id: x\n  name: X\n  type: other\n  aliases: Y\n", 4, "'aliases' must be a list"),
        ("- id: x\n  name: X\n  name: Y\n  type: other\n", 3, "given twice"),
        ("- id: x\n  name: [unclosed\n", 3, "invalid YAML"),
        ("id: x\n", 1, "must be a YAML list"),
    ],
)
def test_validation_names_file_and_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DataError) as info:
        load_gazetteer([path])
    err = info.value
    assert err.path == str(path)
    assert err.line == line
    assert reason in err.message
    assert f"{path}:{line}:" in str(err)


def test_shipped_duplicate_ids_are_errors(tmp_path: Path) -> None:
    from dyads.actors.gazetteer import Gazetteer as G
    from dyads.actors.gazetteer import _Builder

    builder = _Builder(G(), user=False)
    entry = "- id: dup\n  name: Dup\n  type: other\n"
    builder.add_file(entry, "a.yaml")
    with pytest.raises(DataError, match="duplicate id 'dup'") as info:
        builder.add_file(entry, "b.yaml")
    assert info.value.path == "b.yaml" and info.value.line == 1


def test_descriptors_load_and_validate() -> None:
    desc = load_descriptors()
    assert desc.category_of(["military", "leaders"]) == "military"
    assert desc.category_of(["intelligence", "officials"]) == "intelligence"
    assert desc.category_of(["drones"]) is None
    assert desc.descriptions["corps"] == ()
    with pytest.raises(DataError):
        parse_descriptors("categories: 3\n", "bad.yaml")


def test_regions_of_a_conflict_are_places_of_their_country(pipeline: Pipeline) -> None:
    """Tigray, Donbas, Balochistan: places (not actors that attack or fund), with a country."""
    from dyads.records import Document

    gaz = pipeline.gazetteer
    for rid, iso3 in (("tigray", "ETH"), ("donbas", "UKR"), ("balochistan", "PAK")):
        actor = gaz.get(rid)
        assert actor is not None and actor.type == "location" and actor.country == iso3
    p = pipeline.process(Document(id="x", text="The Tigray Defense Forces are based in Tigray."))
    assert {(r.source.id, r.relation, r.target.id) for r in p.relations} == {
        ("tdf", "LOCATED_IN", "tigray")
    }
