"""`deck check` refuses, at the value's line and column, what the database could not store.

A deck that passes the check is loaded by the bot; a value past a column's range
(a cloze number beyond SMALLINT, a title beyond VARCHAR(200)) used to pass here and
then stop the bot's start-up or a reload.  The bounds are tied to the columns
themselves, so widening one without the other fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import SmallInteger, String
from sqlalchemy.orm import InstrumentedAttribute

from bot.decks import DeckError, parse_deck
from bot.decks.check import EXIT_OK, EXIT_PROBLEMS, check_paths
from bot.decks.limits import MAX_CLOZE_NUMBER, MAX_ID_CHARS, MAX_TITLE_CHARS
from bot.decks.loader import load_deck
from bot.storage.daily_models import DailyPost
from bot.storage.deck_admin_models import DeckReload
from bot.storage.models import Card, CardFace, Deck, Prompt, ReviewLog, ReviewState


def cloze_deck(number: str, title: str = "Bounds") -> str:
    return (
        f"title: {title}\n"
        "cards:\n"
        "  - id: z1\n"
        "    type: cloze\n"
        f'    text: "A {{{{c1::first}}}} and a {{{{c{number}::last}}}}"\n'
    )


def problems(text: str) -> list[str]:
    with pytest.raises(DeckError) as caught:
        parse_deck(text.encode("utf-8"), "decks/b.yaml")
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    "number",
    [str(MAX_CLOZE_NUMBER + 1), "99999999999999999999", "1" + "0" * 5000, "0" * 30 + "40000"],
)
def test_a_cloze_number_past_the_face_columns_is_refused_at_its_deletion(number: str) -> None:
    # Line 5, column 34: the `{{` of the second deletion, inside the quoted text.
    assert problems(cloze_deck(number)) == [
        f"decks/b.yaml:5:34: cloze numbers go up to {MAX_CLOZE_NUMBER}; "
        "number the deletions c1, c2, …"
    ]


def test_the_highest_cloze_number_is_a_face() -> None:
    loaded = parse_deck(cloze_deck(str(MAX_CLOZE_NUMBER)).encode("utf-8"), "decks/b.yaml")
    assert loaded.deck.cards[0].faces == [1, MAX_CLOZE_NUMBER]


def test_a_title_longer_than_its_column_is_refused_at_the_title() -> None:
    assert problems(cloze_deck("2", "가" * (MAX_TITLE_CHARS + 1))) == [
        f"decks/b.yaml:1:8: `title` is longer than {MAX_TITLE_CHARS} characters"
    ]
    loaded = parse_deck(cloze_deck("2", "가" * MAX_TITLE_CHARS).encode("utf-8"), "decks/b.yaml")
    assert len(loaded.deck.title) == MAX_TITLE_CHARS


def test_deck_check_fails_on_the_values_that_used_to_stop_the_bot(tmp_path: Path) -> None:
    (tmp_path / "big.yaml").write_text(cloze_deck("99999999999999999999"), encoding="utf-8")
    (tmp_path / "title.yaml").write_text(cloze_deck("2", "T" * 201), encoding="utf-8")
    (tmp_path / "fine.yaml").write_text(cloze_deck("2"), encoding="utf-8")
    report = check_paths([tmp_path])
    assert report.exit_code == EXIT_PROBLEMS
    assert [p.path.rsplit("/", 1)[-1] for p in report.problems] == ["big.yaml", "title.yaml"]
    assert check_paths([tmp_path / "fine.yaml"]).exit_code == EXIT_OK


def test_a_file_name_that_is_not_utf8_is_refused_by_name(tmp_path: Path) -> None:
    name = tmp_path / Path(b"caf\xe9.yaml".decode("utf-8", errors="surrogateescape"))
    name.write_text(cloze_deck("2").replace("title:", "deck: cafe\ntitle:"), encoding="utf-8")
    with pytest.raises(DeckError) as caught:
        load_deck(name)
    (problem,) = caught.value.problems
    assert str(problem).encode("utf-8")  # printable and storable as it is
    assert problem.path.endswith("caf\ufffd.yaml")
    assert "not valid UTF-8" in problem.message


def _column(attribute: InstrumentedAttribute[object]) -> object:
    return attribute.property.columns[0].type


def test_the_bounds_are_the_columns_types() -> None:
    faces = [CardFace.face, ReviewState.face, ReviewLog.face, Prompt.face, DailyPost.face]
    assert all(isinstance(_column(f), SmallInteger) for f in faces)
    assert MAX_CLOZE_NUMBER == 2**15 - 1  # SMALLINT's largest value
    title = _column(Deck.title)
    assert isinstance(title, String) and title.length == MAX_TITLE_CHARS
    for ident in (Deck.id, Card.card_id, DeckReload.deck_id):
        column = _column(ident)
        assert isinstance(column, String) and column.length == MAX_ID_CHARS
