"""`deck check`: one line per problem or per valid deck, and an exit code for CI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.decks import check_paths

DATA = Path(__file__).parent / "data"

BROKEN = """title: 깨진 덱
cards:
  - id: a
    type: basic
    front: 123
  - id: a
    type: choice
    front: q
    choices: [x, y]
    answer: z
"""


def test_valid_deck_prints_a_summary_and_exits_zero(tmp_path: Path) -> None:
    deck = tmp_path / "seed.yaml"
    shutil.copy(DATA / "seed.yaml", deck)
    report = check_paths([deck])
    assert report.exit_code == 0
    assert report.lines == [
        f"{deck}: ok — 5 cards (basic 1, choice 2, cloze 1, typed 1), 6 faces, 1 stale"
    ]


DRAFTS = """deck: drafts
cards:
  - id: a
    type: basic
    front: 포트란?
    back: 프로그램을 구분하는 번호
  - id: b
    type: cloze
    draft: true
    text: "{{c1::UDP}}는 {{c2::연결}}을 맺지 않는다"
  - id: c
    type: typed
    draft: true
    stale: true
    front: 캐시란?
    back: 가까운 저장소
"""


def test_drafts_are_counted_apart_from_what_the_bot_serves(tmp_path: Path) -> None:
    deck = tmp_path / "drafts.yaml"
    deck.write_text(DRAFTS, encoding="utf-8")
    report = check_paths([deck])
    assert report.exit_code == 0
    assert report.lines == [
        f"{deck}: ok — 1 card (basic 1), 1 face, 1 stale, 2 drafts (not served until accepted)"
    ]


def test_a_deck_of_drafts_only_says_nothing_is_served_yet(tmp_path: Path) -> None:
    deck = tmp_path / "new.yaml"
    deck.write_text(DRAFTS.replace("    front: 포트란?", "    draft: true\n    front: 포트란?"),
                    encoding="utf-8")
    report = check_paths([deck])
    assert report.exit_code == 0
    assert report.lines == [
        f"{deck}: ok — 0 cards, 0 faces, 1 stale, 3 drafts (not served until accepted)"
    ]


def test_a_draft_that_is_not_a_boolean_fails_the_check_at_its_line(tmp_path: Path) -> None:
    deck = tmp_path / "bad.yaml"
    deck.write_text(DRAFTS.replace("draft: true\n    text", "draft: 네\n    text"),
                    encoding="utf-8")
    report = check_paths([deck])
    assert report.exit_code == 1
    assert report.lines == [f"{deck}:9:12: `draft` must be `true` or `false`, not text"]


def test_every_problem_of_a_file_is_printed_with_its_position(tmp_path: Path) -> None:
    deck = tmp_path / "broken.yaml"
    deck.write_text(BROKEN, encoding="utf-8")
    report = check_paths([deck])
    assert report.exit_code == 1
    assert [line.split(": ", 1)[0] for line in report.lines] == [
        f"{deck}:3:5",  # missing back
        f"{deck}:5:12",  # front is a number
        f"{deck}:6:9",  # duplicate id
        f"{deck}:10:13",  # answer not among choices
    ]
    assert "duplicate card id `a`" in report.lines[2]


def test_directory_checks_each_yaml_file_in_it(tmp_path: Path) -> None:
    shutil.copy(DATA / "seed.yaml", tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not a deck\n", encoding="utf-8")
    report = check_paths([tmp_path])
    assert report.exit_code == 1
    assert report.lines[0].startswith(f"{tmp_path / 'a.yaml'}: ok — 5 cards")
    assert all(line.startswith(str(tmp_path / "b.yaml")) for line in report.lines[1:])
    assert len(report.lines) == 5


def test_two_files_with_the_same_deck_id_clash(tmp_path: Path) -> None:
    shutil.copy(DATA / "seed.yaml", tmp_path / "a.yaml")
    shutil.copy(DATA / "seed.yaml", tmp_path / "b.yaml")
    report = check_paths([tmp_path])
    assert report.exit_code == 1
    assert report.lines[1] == (
        f"{tmp_path / 'b.yaml'}:1:1: deck id `cloud-basics` is already used by "
        f"{tmp_path / 'a.yaml'}"
    )


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    report = check_paths([tmp_path / "nope.yaml"])
    assert report.exit_code == 2
    assert report.lines == [f"{tmp_path / 'nope.yaml'}: no such file or directory"]


def test_shipped_decks_are_valid() -> None:
    decks = Path(__file__).parents[3] / "decks"
    report = check_paths([decks])
    assert report.exit_code == 0, "\n".join(report.lines)


def test_the_maintainers_language_on_request_with_the_same_positions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "broken.yaml"
    deck.write_text(BROKEN, encoding="utf-8")
    english = check_paths([deck]).lines
    korean = check_paths([deck], "ko").lines
    assert [line.split(": ", 1)[0] for line in korean] == [
        line.split(": ", 1)[0] for line in english]
    assert korean[1] == f"{deck}:5:12: `front`는 숫자가 아니라 글이어야 해요. 따옴표로 감싸 주세요"
    assert korean[2].endswith("카드 ID `a`가 겹쳐요 (3번째 줄에서 처음 썼어요). "
                              "이 카드에 새 ID를 붙여 주세요")
    assert korean[3].endswith("정답 `z`는 보기에 없어요")
    good = tmp_path / "seed.yaml"
    shutil.copy(DATA / "seed.yaml", good)
    assert check_paths([good], "ko").lines == [
        f"{good}: 문제없어요 — 카드 5장 (기본 1장, 객관식 2장, 빈칸 1장, 주관식 1장), "
        "복습 항목 6개, 출처가 사라진 카드 1장"]
    # The command: English unless asked, whatever the terminal's locale.
    for argv, expected in (([], english), (["--lang", "ko"], korean)):
        with pytest.raises(SystemExit) as done:
            main(["deck", "check", *argv, str(deck)])
        assert done.value.code == 1
        assert capsys.readouterr().out.splitlines() == expected
