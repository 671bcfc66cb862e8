"""`deck generate` from the command line: output, summary, and bad input."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from bot.decks.generator import generate_command
from bot.decks.loader import load_deck

NOTE = "# 포트\n포트란 프로그램을 구분하는 번호를 말한다.\n\nex) 80, 443\n"


def _run(note: Path, out: Path | None, *, lang: str | None = None,
         deck: str | None = None) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = generate_command(note, out, deck, lang, rng=random.Random(7), stdout=stdout,
                            stderr=stderr, ui_lang="en")
    return code, stdout.getvalue(), stderr.getvalue()


def test_default_output_and_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    sources = tmp_path / "decks" / "sources"
    sources.mkdir(parents=True)
    note = sources / "net.ko.md"
    note.write_text(NOTE, encoding="utf-8")
    code, out, err = _run(Path("decks/sources/net.ko.md"), None)
    assert (code, err) == (0, "")
    deck_path = tmp_path / "decks" / "net.yaml"
    loaded = load_deck(deck_path)
    assert loaded.deck.deck == "net"
    assert loaded.deck.lang == "ko"
    assert loaded.deck.source == "sources/net.ko.md"
    assert "new 2, refreshed 0, kept (edited) 0, stale 0" in out
    assert "new: basic 2" in out
    before = deck_path.read_bytes()
    code, out, _ = _run(Path("decks/sources/net.ko.md"), None)
    assert code == 0
    assert "already up to date" in out
    assert deck_path.read_bytes() == before


def test_deck_id_and_lang_options(tmp_path: Path) -> None:
    note = tmp_path / "notes.md"
    note.write_text("# Ports\nA port is a number that identifies a program.\n", encoding="utf-8")
    out = tmp_path / "out" / "x.yaml"
    code, _, _ = _run(note, out, lang="en", deck="my-deck")
    assert code == 0
    deck = load_deck(out).deck
    assert (deck.deck, deck.lang) == ("my-deck", "en")
    assert deck.cards[0].front == "What is a port?"  # type: ignore[union-attr]


def test_edited_and_stale_cards_are_listed(tmp_path: Path) -> None:
    note = tmp_path / "n.ko.md"
    note.write_text(NOTE, encoding="utf-8")
    out = tmp_path / "n.yaml"
    assert _run(note, out)[0] == 0
    out.write_text(out.read_text(encoding="utf-8").replace("back: 80, 443", "back: 80 (HTTP)"),
                   encoding="utf-8")
    note.write_text(NOTE.replace("ex) 80, 443\n", "") + "\n장점 : 여러 프로그램을 동시에 쓴다\n",
                    encoding="utf-8")
    code, out_text, _ = _run(note, out)
    assert code == 0
    assert "new 1, refreshed 0, kept (edited) 0, stale 1" in out_text
    assert "stale (source gone):" in out_text and "포트#example:포트" in out_text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "not found"),
        (b"# \xc7\xd1\xb1\xdb\n\xb0\xa1\xb3\xaa\n", "not UTF-8"),
        (b"   \n\n", "empty"),
        ("# 제목만\n\n## 또 제목\n".encode(), "nothing to make cards from"),
    ],
)
def test_bad_input_exits_non_zero_and_keeps_the_existing_deck(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    note = tmp_path / "bad.md"
    if content is not None:
        note.write_bytes(content)
    out = tmp_path / "deck.yaml"
    original = "deck: keep\ntitle: 그대로\ncards:\n  - id: abcdef01\n    front: Q\n    back: A\n"
    out.write_text(original, encoding="utf-8")
    code, stdout, stderr = _run(note, out)
    assert code != 0
    assert message in stderr
    assert stdout == ""
    assert out.read_text(encoding="utf-8") == original


def test_unreadable_existing_deck_is_left_alone(tmp_path: Path) -> None:
    note = tmp_path / "n.md"
    note.write_text(NOTE, encoding="utf-8")
    out = tmp_path / "deck.yaml"
    out.write_text("cards: [unclosed\n", encoding="utf-8")
    code, _, stderr = _run(note, out)
    assert code != 0
    assert "cannot update" in stderr
    assert out.read_text(encoding="utf-8") == "cards: [unclosed\n"


def test_bad_lang_is_refused(tmp_path: Path) -> None:
    note = tmp_path / "n.md"
    note.write_text(NOTE, encoding="utf-8")
    code, _, stderr = _run(note, tmp_path / "d.yaml", lang="fr")
    assert code != 0 and "--lang" in stderr
    assert not (tmp_path / "d.yaml").exists()


def test_deck_id_defaults_to_the_output_file_stem(tmp_path: Path) -> None:
    note = tmp_path / "notes.ko.md"
    note.write_text(NOTE, encoding="utf-8")
    out = tmp_path / "network.yaml"
    assert _run(note, out)[0] == 0
    assert load_deck(out).deck.deck == "network"


def test_a_heading_longer_than_a_title_may_be_is_shortened_not_written_as_a_broken_deck(
    tmp_path: Path,
) -> None:
    note = tmp_path / "long.md"
    heading = "Ports " * 60  # 360 characters; a deck title holds 200
    note.write_text(f"# {heading}\nA port is a number that identifies a program.\n",
                    encoding="utf-8")
    out = tmp_path / "long.yaml"
    code, _, err = _run(note, out, lang="en")
    assert (code, err) == (0, "")
    title = load_deck(out).deck.title  # loads: `deck check` accepts what was written
    assert len(title) == 200 and title.endswith("…") and title.startswith("Ports Ports")
