"""`deck generate` from the command line: output, summary, and bad input."""

from __future__ import annotations

import io
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.generate import generate_command, generate_folder
from bot.decks.check import check_paths
from bot.decks.generator.naming import deck_id_for
from bot.decks.loader import load_deck, parse_deck
from bot.decks.review import DeckReview
from bot.i18n import t

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


# -- drafts, dropped cards, titles --------------------------------------------------------

WHY = (
    "# 네트워크\n포트란 프로그램을 구분하는 번호를 말한다.\n\n"
    "UDP가 빠른 이유는 연결을 맺지 않기 때문이다.\n"
)


def _drafts(path: Path) -> list[str]:
    return [card.id for card in load_deck(path).deck.cards if card.draft]


def test_cards_the_generator_is_unsure_of_are_drafts_and_the_summary_says_so(
    tmp_path: Path
) -> None:
    note = tmp_path / "net.ko.md"
    note.write_text(WHY, encoding="utf-8")
    out = tmp_path / "net.yaml"
    code, stdout, _ = _run(note, out)
    assert code == 0
    drafts = _drafts(out)
    assert drafts, out.read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8").count("    draft: true\n") == len(drafts)
    assert (f"{len(drafts)} new cards are drafts (not served until accepted): "
            f"studybot deck review {out}") in stdout
    served = load_deck(out).deck.served_cards
    assert served and not {card.id for card in served} & set(drafts)


def test_an_accepted_draft_stays_accepted_and_a_dropped_card_stays_out(
    tmp_path: Path
) -> None:
    note = tmp_path / "net.ko.md"
    note.write_text(WHY + "\n캐시가 빠른 이유는 CPU 가까이 있기 때문이다.\n", encoding="utf-8")
    out = tmp_path / "net.yaml"
    assert _run(note, out)[0] == 0
    kept, dropped = _drafts(out)[:2]
    review = DeckReview(out.read_text(encoding="utf-8"), str(out))
    review.keep(kept)
    review.drop(dropped)
    out.write_text(review.text(), encoding="utf-8")
    reviewed = out.read_bytes()

    code, stdout, _ = _run(note, out)
    assert code == 0
    assert out.read_bytes() == reviewed  # no draft flag back, no dropped card back
    assert "already up to date" in stdout
    assert "1 cards you dropped earlier were left out" in stdout
    assert kept not in _drafts(out)
    assert dropped not in {card.id for card in load_deck(out).deck.cards}


def test_title_comes_from_front_matter_else_the_one_h1_else_none(tmp_path: Path) -> None:
    body = "포트란 프로그램을 구분하는 번호를 말한다.\n"
    notes = {
        "fm": '---\ntitle: "네트워크: 기초"\ntags: [net]\n---\n# 다른 제목\n' + body,
        "h1": "# **Docker** 정리\n" + body,
        "two": "# 포트\n" + body + "# 캐시\n캐시란 가까운 저장소를 말한다.\n",
        "none": "## 포트\n" + body,
        "year": "---\ntitle: 2024\n---\n" + body,
    }
    titles = {}
    for name, text in notes.items():
        note = tmp_path / f"{name}.ko.md"
        note.write_text(text, encoding="utf-8")
        assert _run(note, tmp_path / f"{name}.yaml")[0] == 0
        deck = load_deck(tmp_path / f"{name}.yaml").deck
        titles[name] = (deck.title, deck.display_title)
    assert titles == {
        "fm": ("네트워크: 기초", "네트워크: 기초"),
        "h1": ("Docker 정리", "Docker 정리"),
        "two": (None, "two"),
        "none": (None, "none"),
        "year": ("2024", "2024"),
    }
    assert "title:" not in (tmp_path / "two.yaml").read_text(encoding="utf-8")


# -- deck ids from note names -------------------------------------------------------------


@pytest.mark.parametrize(
    ("stem", "expected"),
    [("net", "net"), ("os_basics-2", "os_basics-2"), ("My notes", "My-notes"),
     ("week 1.2", "week-1-2")],
)
def test_a_note_name_that_can_be_an_id_stays_readable(stem: str, expected: str) -> None:
    assert deck_id_for(stem) == expected


def test_a_note_name_that_cannot_be_an_id_gets_a_stable_valid_one() -> None:
    korean = deck_id_for("네트워크 기초")
    assert re.fullmatch(r"deck-[0-9a-f]{8}", korean)
    assert deck_id_for("네트워크 기초") == korean  # every run finds the same deck
    assert deck_id_for("운영체제 기초") != korean
    mixed = deck_id_for("OS 정리")
    assert re.fullmatch(r"OS-[0-9a-f]{8}", mixed) and mixed != deck_id_for("OS 요약")
    long = deck_id_for("x" * 100)
    assert len(long) <= 64 and long != deck_id_for("x" * 99)


def test_a_korean_note_name_writes_a_deck_the_bot_loads(tmp_path: Path) -> None:
    note = tmp_path / "네트워크 기초.md"
    note.write_text(WHY.replace("# 네트워크\n", ""), encoding="utf-8")
    out = tmp_path / "네트워크 기초.yaml"
    assert _run(note, out)[0] == 0
    report = check_paths([out])
    assert report.exit_code == 0, report.lines
    deck = load_deck(out).deck
    assert deck.deck == deck_id_for("네트워크 기초")
    assert deck.display_title == "네트워크 기초"  # not the made-up id


def test_a_deck_option_that_is_not_an_id_is_refused(tmp_path: Path) -> None:
    note = tmp_path / "n.md"
    note.write_text(NOTE, encoding="utf-8")
    code, stdout, stderr = _run(note, tmp_path / "d.yaml", deck="네트워크 기초")
    assert code == 2
    assert "--deck '네트워크 기초' is not a deck id" in stderr
    assert stdout == "" and not (tmp_path / "d.yaml").exists()


# -- a folder of notes --------------------------------------------------------------------


def _run_folder(folder: Path, out: Path | None) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = generate_folder(folder, out, None, rng=random.Random(7), stdout=stdout,
                           stderr=stderr, ui_lang="en")
    return code, stdout.getvalue(), stderr.getvalue()


def test_a_folder_makes_one_deck_per_note_and_a_bad_note_does_not_stop_the_rest(
    tmp_path: Path
) -> None:
    notes = tmp_path / "notes"
    (notes / "db").mkdir(parents=True)
    (notes / ".trash").mkdir()
    (notes / "net.ko.md").write_text(WHY, encoding="utf-8")
    (notes / "db" / "index.en.md").write_text(
        "# Indexes\nAn index is a structure that speeds up lookups.\n", encoding="utf-8")
    (notes / "운영체제.md").write_text(
        "# 운영체제\n교착 상태란 서로 자원을 기다리며 멈춘 상태를 말한다.\n", encoding="utf-8")
    (notes / "old.md").write_bytes("# 옛 노트\n포트란 번호를 말한다.\n".encode("euc-kr"))
    (notes / "readme.txt").write_text("not a note", encoding="utf-8")
    (notes / ".trash" / "gone.md").write_text(NOTE, encoding="utf-8")
    decks = tmp_path / "decks"

    code, stdout, stderr = _run_folder(notes, decks)
    assert code == 2
    assert f"{notes / 'old.md'} is not UTF-8" in stderr
    assert sorted(p.name for p in decks.iterdir()) == ["index.yaml", "net.yaml", "운영체제.yaml"]
    report = check_paths([decks])
    assert report.exit_code == 0, report.lines
    by_file = {Path(loaded.path).name: loaded.deck for loaded in report.decks}
    assert (by_file["net.yaml"].deck, by_file["net.yaml"].lang) == ("net", "ko")
    assert (by_file["index.yaml"].deck, by_file["index.yaml"].lang) == ("index", "en")
    assert by_file["index.yaml"].source == "../notes/db/index.en.md"
    assert by_file["운영체제.yaml"].deck == deck_id_for("운영체제")
    assert stdout.count(": already up to date") == 0

    before = {p.name: p.read_bytes() for p in decks.iterdir()}
    code, stdout, stderr = _run_folder(notes, decks)
    assert code == 2 and "old.md" in stderr
    assert {p.name: p.read_bytes() for p in decks.iterdir()} == before
    assert stdout.count(": already up to date") == 3


def test_two_notes_that_would_write_one_deck_are_refused_and_the_rest_go_through(
    tmp_path: Path
) -> None:
    notes = tmp_path / "notes"
    (notes / "more").mkdir(parents=True)
    (notes / "net.ko.md").write_text(NOTE, encoding="utf-8")
    (notes / "more" / "net.md").write_text(NOTE, encoding="utf-8")
    (notes / "os basics.md").write_text(WHY, encoding="utf-8")
    (notes / "os-basics.md").write_text(WHY, encoding="utf-8")
    (notes / "tcp.md").write_text(WHY, encoding="utf-8")
    code, _, stderr = _run_folder(notes, tmp_path / "decks")
    assert code == 2
    assert "would both write net" in stderr and "would both write os-basics" in stderr
    assert (tmp_path / "decks" / "tcp.yaml").exists()


def test_a_folder_needs_notes_and_an_output_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, stderr = _run_folder(empty, tmp_path / "decks")
    assert code == 3 and f"no Markdown notes (*.md) in {empty}" in stderr
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "net.md").write_text(NOTE, encoding="utf-8")
    a_file = tmp_path / "deck.yaml"
    a_file.write_text("cards: []\n", encoding="utf-8")
    code, _, stderr = _run_folder(notes, a_file)
    assert code == 2 and "is a file; give a folder with -o" in stderr
    assert a_file.read_text(encoding="utf-8") == "cards: []\n"


def test_the_console_script_generates_a_folder(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "net.ko.md").write_text(WHY, encoding="utf-8")
    (notes / "bad.md").write_bytes(b"# \xc7\xd1\n")
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "deck", "generate", str(notes), "-o",
         str(tmp_path / "decks")],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )
    assert result.returncode == 2
    assert f"{notes / 'bad.md'} is not UTF-8" in result.stderr
    assert f"{tmp_path / 'decks' / 'net.yaml'}: " in result.stdout
    assert "studybot deck review" in result.stdout  # the cause card is a draft
    assert check_paths([tmp_path / "decks"]).exit_code == 0


def test_every_generated_id_reads_back_as_text_even_without_its_quotes(tmp_path: Path) -> None:
    # Random(55) first draws 17208331: a number to YAML once a maintainer drops the quotes.
    assert f"{random.Random(55).getrandbits(32):08x}".isdigit()
    note = tmp_path / "net.ko.md"
    note.write_text(NOTE, encoding="utf-8")
    out = tmp_path / "net.yaml"
    code = generate_command(note, out, None, None, rng=random.Random(55), stdout=io.StringIO(),
                            stderr=io.StringIO(), ui_lang="en")
    assert code == 0
    unquoted = re.sub(r"""id: (['"])(.*?)\1""", r"id: \2", out.read_text(encoding="utf-8"))
    deck = parse_deck(unquoted.encode("utf-8"), str(out)).deck
    assert len(deck.cards) == 2
    assert all(re.search("[abcdf]", card.id) for card in deck.cards)


def test_messages_come_from_the_catalogue_in_the_asked_language(tmp_path: Path) -> None:
    stdout, stderr = io.StringIO(), io.StringIO()
    missing = tmp_path / "없는노트.md"
    code = generate_command(missing, None, None, None, stdout=stdout, stderr=stderr,
                            ui_lang="ko")
    assert code == 2
    assert stderr.getvalue() == t("generate.missing", "ko", path=missing) + "\n"
    assert "없어요" in stderr.getvalue()


def test_no_cyclic_collection_while_a_note_is_read(tmp_path: Path) -> None:
    """Reading a note makes hundreds of thousands of short-lived objects; the collector
    would walk them over and over (a tenth of `deck generate`'s time on a 1 MB note).
    It stays off while a note is read and written, and is on again afterwards, also
    when the deck file could not be merged into."""
    import gc

    note = tmp_path / "big.ko.md"
    note.write_text("\n".join(f"# 주제 {n}\n포트 {n}란 프로그램을 구분하는 번호를 말한다.\n\n"
                              f"- **캐시 {n}**: 자주 쓰는 데이터를 가까이 두는 저장소\n"
                              for n in range(400)), encoding="utf-8")
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.collect()  # the counts start at zero: only the command's own allocations count
    gc.callbacks.append(count)
    try:
        code, _, err = _run(note, tmp_path / "big.yaml")
        during = list(collections)
        assert gc.isenabled()
        (tmp_path / "bad.yaml").write_text("cards: [oops\n", encoding="utf-8")
        bad_code, _, _ = _run(note, tmp_path / "bad.yaml")
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(count)
    assert (code, err) == (0, "")
    assert bad_code != 0
    assert len(during) <= 1  # the one on the way out, when the collector is back on
