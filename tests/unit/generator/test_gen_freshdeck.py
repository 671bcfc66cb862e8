"""A new deck file is written without ruamel (freshdeck) but must be the very file
ruamel's round-trip dump writes: same quoting, escapes and layout, so a later
regeneration through ruamel changes nothing and a diff of the decks stays empty."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.decks.card_ids import new_card_ids
from bot.decks.generator import freshdeck, writer
from bot.decks.generator.cards import GeneratedCard
from bot.decks.generator.merge import merge_into_deck
from tests.e2e.support_bot import REPO
from tests.unit.generator.helpers import cards_of

# What makes YAML quoting hard: indicators, quotes, colons and hashes, look-alikes of
# numbers, booleans, null and dates, Korean, line breaks, tabs and other controls.
_TRICKY = list(" :#-?'\"[]{},&*!|>%@`~=<.\n\t\\/+_eE0123456789xo가나한글은는이란()•…\xa0\ufeff\x7f")
_WORDS = ["true", "True", "FALSE", "null", "Null", "~", "1", "-1", "1.5", "1e3", ".5", "0o17",
          "0x1F", ".inf", "-.Inf", ".nan", "2001-12-14", "2001-12-14 21:59:43.10 -5", "<<",
          "=", "---", "...", "- a", "? a", ": a", "a:", "a: b", "#a", "a #b", "a#b", "yes",
          "no", "on", "'", '"', "it's", "포트란?", "TCP와 UDP의 차이는?", "@x", "`x`", "%x"]

ordinary_text = st.one_of(
    st.sampled_from(_WORDS),
    st.text(alphabet=st.one_of(st.sampled_from(_TRICKY), st.characters(
        blacklist_categories=("Cs",), blacklist_characters="\x85\u2028\u2029")),
            min_size=1, max_size=30),
    st.lists(st.sampled_from(_WORDS + _TRICKY), min_size=1, max_size=8).map("".join),
)
any_text = st.one_of(ordinary_text, st.text(max_size=30))


@st.composite
def generated_cards(draw: st.DrawFn, text: st.SearchStrategy[str]) -> GeneratedCard:
    kind = draw(st.sampled_from(["basic", "cloze", "choice", "typed"]))
    first = draw(st.integers(min_value=1, max_value=99_999))
    fields: dict[str, object] = {}
    if kind == "cloze":
        fields["text"] = draw(text)
        fields["back"] = draw(st.one_of(st.just(""), text))
    else:
        fields["front"] = draw(text)
        fields["back"] = draw(st.one_of(st.just(""), text) if kind == "choice" else text)
    if kind == "choice":
        fields["choices"] = tuple(draw(st.lists(text, min_size=2, max_size=4)))
        fields["answer"] = draw(text)
    if kind == "typed":
        fields["accept"] = tuple(draw(st.lists(text, max_size=3)))
    return GeneratedCard(
        anchor=draw(text), lines=(first, first + draw(st.integers(0, 50))), type=kind,
        rule="test", tags=tuple(draw(st.lists(text, max_size=3))), draft=draw(st.booleans()),
        **fields)  # type: ignore[arg-type]


def _decks(text: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[
        str, str | None, str, str, list[GeneratedCard]]]:
    return st.tuples(text, st.one_of(st.none(), text), st.sampled_from(["ko", "en"]), text,
                     st.lists(generated_cards(text), min_size=1, max_size=4))


def _by_ruamel(deck_id: str, title: str | None, lang: str, source: str,
               numbered: list[tuple[str, GeneratedCard]]) -> str:
    data = writer.new_deck(deck_id, title, lang, source)
    for card_id, card in numbered:
        data["cards"].append(writer.card_map(card_id, card))
    return writer.dump(data)


def _numbered(cards: list[GeneratedCard], seed: int = 3) -> list[tuple[str, GeneratedCard]]:
    new_id = new_card_ids(random.Random(seed))
    return [(new_id(), card) for card in cards]


@settings(max_examples=300)
@given(_decks(ordinary_text))
@example(("d", "제목: 부제", "ko", "../notes/a b.md",
          [GeneratedCard("a: b#x", (3, 4), "basic", "r", front="'quoted'", back="x\ny",
                         tags=("qa", "- x"))]))
def test_a_fresh_deck_is_written_as_ruamel_writes_it(
        deck: tuple[str, str | None, str, str, list[GeneratedCard]]) -> None:
    deck_id, title, lang, source, cards = deck
    numbered = _numbered(cards)
    written = freshdeck.fresh_deck_text(deck_id, title, lang, source, numbered)
    assert written is not None  # ordinary text never needs ruamel
    assert written == _by_ruamel(deck_id, title, lang, source, numbered)


@settings(max_examples=200)
@given(_decks(any_text))
def test_what_freshdeck_writes_is_always_ruamels(
        deck: tuple[str, str | None, str, str, list[GeneratedCard]]) -> None:
    """Any text at all (empty ones, odd line separators): freshdeck writes ruamel's
    bytes or leaves the deck to ruamel."""
    deck_id, title, lang, source, cards = deck
    numbered = _numbered(cards)
    written = freshdeck.fresh_deck_text(deck_id, title, lang, source, numbered)
    if written is not None:
        assert written == _by_ruamel(deck_id, title, lang, source, numbered)


def test_a_deck_left_to_ruamel_gets_the_same_ids() -> None:
    """A text freshdeck does not write (a line separator ruamel writes raw) goes through
    ruamel, with the ids the fast path had drawn: the seed still decides them."""
    plain = GeneratedCard("a", (1, 1), "basic", "r", front="Q?", back="A")
    odd = GeneratedCard("b", (2, 2), "basic", "r", front="R?", back="one\u2028two")
    assert freshdeck.fresh_deck_text("d", None, "en", "n.md", _numbered([plain, odd])) is None
    text, summary = merge_into_deck(None, [plain, odd], deck_id="d", title=None, lang="en",
                                    source="n.md", new_id=new_card_ids(random.Random(3)))
    assert text == _by_ruamel("d", None, "en", "n.md", _numbered([plain, odd]))
    assert [card_id for card_id, _ in summary.new] == [i for i, _ in _numbered([plain, odd])]


def test_a_line_ruamel_would_fold_is_left_to_it() -> None:
    long_back = " ".join(["word"] * 1100)  # past ruamel's 4096 columns
    card = GeneratedCard("a", (1, 1), "basic", "r", front="Q?", back=long_back)
    numbered = _numbered([card])
    assert freshdeck.fresh_deck_text("d", None, "en", "n.md", numbered) is None
    text, _ = merge_into_deck(None, [card], deck_id="d", title=None, lang="en",
                              source="n.md", new_id=new_card_ids(random.Random(3)))
    assert text == _by_ruamel("d", None, "en", "n.md", numbered)
    assert max(len(line) for line in text.splitlines()) <= 4100


def test_the_shipped_notes_are_written_without_ruamel() -> None:
    """Every shipped note's deck takes the fast path, and it is ruamel's file."""
    notes = sorted((REPO / "decks").rglob("*.md")) + sorted((REPO / "benchmarks").rglob("*.md"))
    assert notes
    for note in notes:
        lang = "ko" if ".ko." in note.name else "en"
        cards = cards_of(note.read_text(encoding="utf-8"), lang)
        if not cards:
            continue
        numbered = _numbered(cards)
        written = freshdeck.fresh_deck_text(Path(note).stem, "T", lang, note.name, numbered)
        assert written == _by_ruamel(Path(note).stem, "T", lang, note.name, numbered), note
