"""`studybot deck review` driven like a maintainer at a terminal: the real console
script, keys piped in, $EDITOR a small script that edits the card's file.

Every decision is written at once, so each test reads the deck file afterwards and
compares it with the original text changed exactly as decided.
"""

from __future__ import annotations

import io
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from bot.decks.check import check_paths
from bot.decks.loader import load_deck
from bot.terminal.deck_review import review_deck

DECK = """\
# 네트워크 덱
deck: net
title: 네트워크
lang: ko
cards:
  # 포트
  - id: a1
    type: basic
    draft: true
    tags: [definition]
    front: 포트란?
    back: 프로그램을 구분하는 번호
    src: {anchor: "포트#definition:포트", lines: [2, 2], gen: 1a2b3c4d}
  - id: b2
    type: basic
    draft: true
    tags: [cause]
    front: UDP가 빠른 이유는?
    back: 연결을 맺지 않기 때문
    src: {anchor: "포트#cause:UDP", lines: [4, 5], gen: 2b3c4d5e}
  # DNS
  - id: c3
    type: cloze
    draft: true
    text: "{{c1::DNS}}는 이름을 주소로 바꾼다"
    src: {anchor: "DNS#cloze:1", lines: [8, 8], gen: 3c4d5e6f}
  - id: d4
    type: typed
    front: 캐시를 한 단어로?
    back: 캐시
  - id: e5
    type: basic
    tags: [definition]
    front: 캐시란?
    back: 가까운 저장소
    src: {anchor: "캐시#definition:캐시", lines: [10, 10], gen: 4d5e6f70}
"""

A1_DRAFT = "    type: basic\n    draft: true\n    tags: [definition]\n"
B2 = (
    "  - id: b2\n    type: basic\n    draft: true\n    tags: [cause]\n"
    "    front: UDP가 빠른 이유는?\n    back: 연결을 맺지 않기 때문\n"
    '    src: {anchor: "포트#cause:UDP", lines: [4, 5], gen: 2b3c4d5e}\n'
)
C3_DRAFT = "    type: cloze\n    draft: true\n    text:"


def _studybot() -> list[str]:
    script = Path(sys.executable).with_name("studybot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


def _editor(tmp_path: Path, body: str) -> str:
    """An $EDITOR command: a Python script run on the card's temporary file."""
    script = tmp_path / "editor.py"
    script.write_text(
        "import pathlib, sys\n"
        "path = pathlib.Path(sys.argv[1])\n"
        "text = path.read_text(encoding='utf-8')\n" + body,
        encoding="utf-8",
    )
    return f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}"


def _env(editor: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR")}
    env.update({"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    if editor is not None:
        env["EDITOR"] = editor
    return env


def review(deck: Path, keys: str, *options: str, editor: str | None = None,
           lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_studybot(), "deck", "review", str(deck), "--lang", lang, *options],
        input=keys, capture_output=True, text=True, env=_env(editor), timeout=60,
        check=False,
    )


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    path = tmp_path / "net.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def test_keep_drop_and_edit_are_written_as_decided(tmp_path: Path, deck: Path) -> None:
    editor = _editor(tmp_path, "path.write_text(text.replace('이름을 주소로', "
                               "'도메인 이름을 IP 주소로'), encoding='utf-8')\n")
    result = review(deck, "k\nd\ne\n", editor=editor)
    assert result.returncode == 0, result.stderr
    assert "[1/3] a1 · basic · draft · note line 2" in result.stdout
    assert "[2/3] b2 · basic · draft · note lines 4–5" in result.stdout
    assert "  Q UDP가 빠른 이유는?\n  A 연결을 맺지 않기 때문\n" in result.stdout
    assert f"{deck}: kept 1, edited 1, dropped 1, skipped 0" in result.stdout
    expected = (
        DECK.replace(A1_DRAFT, "    type: basic\n    tags: [definition]\n")
        .replace(B2, "")
        .replace(C3_DRAFT, "    type: cloze\n    text:")
        .replace("이름을 주소로", "도메인 이름을 IP 주소로")
        .replace("lang: ko\ncards:\n", "lang: ko\ndropped:\n  - 포트#cause:UDP\ncards:\n")
    )
    assert deck.read_text(encoding="utf-8") == expected
    report = check_paths([deck])
    assert report.lines == [f"{deck}: ok — 4 cards (basic 2, cloze 1, typed 1), 4 faces"]
    again = review(deck, "")
    assert again.stdout == f"{deck}: no draft cards to review.\n"


def test_closing_stdin_midway_keeps_what_was_decided(deck: Path) -> None:
    result = review(deck, "s\nk\n")
    assert result.returncode == 0, result.stderr
    assert f"{deck}: kept 1, edited 0, dropped 0, skipped 1" in result.stdout
    assert deck.read_text(encoding="utf-8") == DECK.replace(
        B2, B2.replace("    draft: true\n", ""))
    assert [c.id for c in load_deck(deck).deck.cards if c.draft] == ["a1", "c3"]
    result = review(deck, "q\n")
    assert "[1/2] a1" in result.stdout and "c3" not in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_ctrl_c_at_a_real_terminal_keeps_what_was_decided(deck: Path) -> None:
    import pty

    from tests.integration.test_terminal import _read_until, _wait_or_kill

    argv = [*_studybot(), "deck", "review", str(deck), "--lang", "en"]
    env = {**_env(), "TERM": "xterm-256color", "PYTHONFAULTHANDLER": "1"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the review on the terminal
        try:
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    seen = bytearray()
    try:
        _read_until(fd, "[1/3] a1", seen)
        _read_until(fd, "(q)uit >", seen)
        os.write(fd, b"d\n")
        second_card = len(seen)
        _read_until(fd, "[2/3] b2", seen, since=second_card)
        _read_until(fd, "(q)uit >", seen, since=second_card)  # its own prompt
        os.write(fd, b"\x03")  # Ctrl-C, delivered by the terminal as SIGINT
        _read_until(fd, "skipped 0", seen)
    finally:
        status = _wait_or_kill(pid, fd, seen)
        os.close(fd)
    out = seen.decode(errors="replace")
    assert status == 130, out
    assert f"{deck}: kept 0, edited 0, dropped 1, skipped 0" in out
    assert "Traceback" not in out
    text = deck.read_text(encoding="utf-8")
    assert "id: a1" not in text and "  - 포트#definition:포트\n" in text
    assert [c.id for c in load_deck(deck).deck.cards if c.draft] == ["b2", "c3"]


def test_all_walks_every_generated_card_and_skipping_changes_nothing(deck: Path) -> None:
    result = review(deck, "s\ns\ns\n\n", "--all")
    assert result.returncode == 0, result.stderr
    shown = [line.split(" · ")[0] for line in result.stdout.splitlines()
             if line.startswith("[")]
    assert shown == ["[1/4] a1", "[2/4] b2", "[3/4] c3", "[4/4] e5"]  # d4 is hand-written
    assert "[4/4] e5 · basic · generated · note line 10" in result.stdout
    assert f"{deck}: kept 0, edited 0, dropped 0, skipped 4" in result.stdout
    assert deck.read_text(encoding="utf-8") == DECK


def test_dropping_an_accepted_generated_card_with_all_remembers_it(deck: Path) -> None:
    result = review(deck, "s\ns\ns\nd\n", "--all")
    assert result.returncode == 0, result.stderr
    deck_data = load_deck(deck).deck
    assert "e5" not in {c.id for c in deck_data.cards}
    assert deck_data.dropped == ["캐시#definition:캐시"]


def test_korean_prompts_and_summary(deck: Path) -> None:
    result = review(deck, "x\nq\n", lang="ko")
    assert result.returncode == 0, result.stderr
    assert "[1/3] a1 · basic · 초안 · 노트 2행" in result.stdout
    assert "(k) 유지 · (e) 편집 · (d) 버리기 · (s) 건너뛰기 · (q) 끝내기 >" in result.stdout
    assert "k: 카드를 승인해 출제해요" in result.stdout  # help after an unknown key
    assert f"{deck}: 유지 0, 편집 0, 버림 0, 건너뜀 0" in result.stdout
    assert deck.read_text(encoding="utf-8") == DECK


def test_a_failing_editor_or_a_broken_edit_leaves_the_card_as_it_was(
    tmp_path: Path, deck: Path
) -> None:
    failing = _editor(tmp_path, "sys.exit(1)\n")
    result = review(deck, "e\nq\n", editor=failing)
    assert "The editor exited with an error; the card was left as it was." in result.stdout
    assert deck.read_text(encoding="utf-8") == DECK

    breaking = _editor(tmp_path, "path.write_text(text.replace('    back: 프로그램을 구분하는 "
                                 "번호\\n', ''), encoding='utf-8')\n")
    result = review(deck, "e\nq\n", editor=breaking)
    assert result.returncode == 0, result.stderr
    assert "The edited card has problems, so it was not saved:" in result.stdout
    assert f"  {deck}:7:5: this card is missing `back`" in result.stdout
    assert "Press e to reopen your edit and fix it, or s to skip this card." in result.stdout
    assert deck.read_text(encoding="utf-8") == DECK


def test_a_refused_edit_is_reopened_so_the_work_is_not_lost(deck: Path) -> None:
    given: list[str] = []
    edits = iter([
        lambda text: text.replace("    back: 프로그램을 구분하는 번호\n", "    bakc: 포트 번호\n"),
        lambda text: text.replace("bakc:", "back:"),
    ])

    def editor(text: str) -> str:
        given.append(text)
        return next(edits)(text)

    out = io.StringIO()
    code = review_deck(deck, every_generated=False, lang="en", stdin=io.StringIO("e\ne\nq\n"),
                       stdout=out, stderr=io.StringIO(), editor=editor)
    assert code == 0
    assert "unknown field `bakc`" in out.getvalue()
    assert "bakc: 포트 번호" in given[1]  # the second round starts from the first edit
    assert f"{deck}: kept 0, edited 1, dropped 0, skipped 0" in out.getvalue()
    card = load_deck(deck).deck.cards[0]
    assert (card.id, card.draft, getattr(card, "back", None)) == ("a1", False, "포트 번호")


def test_a_missing_or_broken_file_is_reported(tmp_path: Path) -> None:
    result = review(tmp_path / "nope.yaml", "")
    assert result.returncode == 2
    assert f"error: deck file not found: {tmp_path / 'nope.yaml'}" in result.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("cards: [unclosed\n", encoding="utf-8")
    result = review(broken, "")
    assert result.returncode == 2
    assert f"error: cannot read {broken}: not valid YAML" in result.stderr
    assert broken.read_text(encoding="utf-8") == "cards: [unclosed\n"


def test_nothing_to_review_says_so(tmp_path: Path) -> None:
    hand = tmp_path / "hand.yaml"
    hand.write_text("cards:\n  - id: a\n    type: basic\n    front: f\n    back: b\n",
                    encoding="utf-8")
    assert review(hand, "").stdout == f"{hand}: no draft cards to review.\n"
    assert review(hand, "", "--all").stdout == f"{hand}: no generated cards to review.\n"
