"""Hand-picked hostile deck files: object construction, bombs, depth, size, odd text.

Each case names the danger it guards against; all go through `bounded.load`, so a
crash, a hang or a problem pointing outside the file fails the test as well.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.decks import BasicCard, DeckError, LoadedDeck
from bot.decks.limits import MAX_ALIAS_NODES, MAX_DEPTH, MAX_FILE_BYTES, MAX_TEXT_CHARS
from tests.unit.hostile.bounded import load

REPO = Path(__file__).resolve().parents[3]


def deck(front: str, *, extra: str = "") -> bytes:
    """A one-card deck with ``front`` written verbatim after `front: `."""
    return (
        "deck: h\ntitle: Hostile\n" + extra + "cards:\n"
        "  - id: a1\n    type: basic\n    front: " + front + "\n    back: B\n"
    ).encode()


def problems(outcome: LoadedDeck | DeckError) -> list[tuple[int, int, str]]:
    assert isinstance(outcome, DeckError), f"loaded a deck: {outcome}"
    return [(p.line, p.col, p.message) for p in outcome.problems]


# -- YAML tags never construct anything --------------------------------------------------------


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:builtins.exec",
        "!!python/object/apply:os.system",
        "!!python/object/new:builtins.exec",
        "!!python/name:builtins.exec",
        "!!python/module:tests.unit.hostile.sentinel_module",
        "!!python/object:tests.unit.hostile.sentinel_module.Boom",
        "!<tag:yaml.org,2002:python/object/apply:builtins.exec>",
        "!custom",
    ],
)
def test_a_tag_that_would_run_code_is_refused_and_runs_nothing(tag: str, tmp_path: Path) -> None:
    sentinel = tmp_path / "ran"
    code = f"open({str(sentinel)!r}, 'w').write('x')"
    for front in (f'{tag} ["{code}"]', f'{tag} "{code}"', f"{tag} {{a: 1}}"):
        found = problems(load(deck(front)))
        assert any(line == 6 and col == 12 and "tag" in msg for line, col, msg in found), found
    assert not sentinel.exists()
    assert "tests.unit.hostile.sentinel_module" not in sys.modules


def test_a_tag_on_the_whole_document_or_a_card_is_refused() -> None:
    data = b"--- !!python/object:builtins.dict\ndeck: h\ntitle: T\ncards:\n  - !!map\n" \
           b"    id: a1\n    type: !!python/name:os.getcwd\n    front: F\n    back: B\n"
    found = problems(load(data))
    assert any(line == 1 for line, _, _ in found), found
    assert any(line == 7 and "tag" in msg for line, _, msg in found), found


# -- expansion and nesting bombs ---------------------------------------------------------------


def billion_laughs(levels: int, width: int) -> bytes:
    rows = ["l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels):
        rows.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    return ("deck: h\ntitle: T\ncards: []\n" + "\n".join(rows) + "\n").encode()


@pytest.mark.parametrize(("levels", "width"), [(9, 10), (30, 2), (6, 50)])
def test_billion_laughs_stops_at_the_alias_limit(levels: int, width: int) -> None:
    found = problems(load(billion_laughs(levels, width), seconds=3))
    assert any(f"{MAX_ALIAS_NODES:,}" in msg for _, _, msg in found), found


def test_aliases_inside_the_limit_are_still_read() -> None:
    # Not every alias is an attack: a small shared list expands fine (then fails on the
    # unknown deck field, which shows the document was read to the end).
    found = problems(load(billion_laughs(3, 3)))
    assert any("l0" in msg for _, _, msg in found), found


def test_an_alias_to_itself_is_an_error_not_a_loop() -> None:
    found = problems(load(b"deck: h\ntitle: &t [a, *t]\ncards: &c [*c]\n", seconds=2))
    assert (2, 15) in [(line, col) for line, col, _ in found], found


@pytest.mark.parametrize("opener", ["[", "{a: ", "- "])
def test_deep_nesting_is_an_error_at_the_level_past_the_limit(opener: str) -> None:
    depth = 50_000
    if opener == "- ":
        body = "x:\n" + "".join(" " * (2 * i + 2) + "-\n" for i in range(MAX_DEPTH * 3))
    else:
        body = "x: " + opener * depth
    found = problems(load(("deck: h\ntitle: T\ncards: []\n" + body + "\n").encode(), seconds=5))
    assert any(f"more than {MAX_DEPTH} levels" in msg for _, _, msg in found), found


# -- sizes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("style", ["plain", "double", "single", "block"])
def test_a_million_character_field_is_refused_at_its_line(style: str) -> None:
    big = "가" * 1_000_000
    front = {"plain": big, "double": f'"{big}"', "single": f"'{big}'", "block": "|\n      " + big}
    found = problems(load(deck(front[style]), seconds=10))
    assert [(line, msg) for line, _, msg in found] == [
        (6, f"`front` is longer than {MAX_TEXT_CHARS:,} characters")
    ]


@pytest.mark.parametrize("escape", ["\\n", "\\t", "\\x41", "\\u00e9"])
def test_a_file_at_the_size_limit_of_escapes_is_read_at_once(escape: str) -> None:
    """The old reader searched the rest of the line for each escape: 5 MiB of `\\n` took
    over a minute to check and held every reload behind it."""
    room = MAX_FILE_BYTES - len(deck('""'))
    found = problems(load(deck('"' + escape * (room // len(escape)) + '"'), seconds=5))
    assert [(line, msg) for line, _, msg in found] == [
        (6, f"`front` is longer than {MAX_TEXT_CHARS:,} characters")
    ]


def test_a_deck_at_the_size_limit_of_escaped_cards_loads_at_once() -> None:
    card = '  - id: c{n}\n    type: basic\n    front: "' + "\\n" * 4_000 + 'x"\n    back: B\n'
    count = (MAX_FILE_BYTES - 100) // len(card.format(n=10_000))
    data = ("deck: h\ntitle: T\ncards:\n" + "".join(card.format(n=n) for n in range(count)))
    outcome = load(data.encode(), seconds=5)
    assert isinstance(outcome, LoadedDeck), outcome
    assert len(outcome.deck.cards) == count > 600


def test_a_field_at_the_limit_loads() -> None:
    outcome = load(deck("x" * MAX_TEXT_CHARS))
    assert isinstance(outcome, LoadedDeck)
    card = outcome.deck.cards[0]
    assert isinstance(card, BasicCard) and len(card.front) == MAX_TEXT_CHARS


def test_a_file_over_the_size_limit_is_refused_before_parsing() -> None:
    data = deck("F") + b"#" + b"[" * MAX_FILE_BYTES
    found = problems(load(data, seconds=1))
    assert found == [(1, 1, found[0][2])] and "MiB" in found[0][2]


def test_a_huge_id_and_a_huge_key_are_refused() -> None:
    found = problems(load(deck("F").replace(b"id: a1", b"id: " + b"9" * 100_000), seconds=5))
    assert {line for line, _, _ in found} == {4}, found
    huge_key = deck("F").replace(b"back: B", b"k" * 100_000 + b": B")
    found = problems(load(huge_key, seconds=5))
    assert [(line, col) for line, col, _ in found] == [(7, 5)], found
    assert "longer than 1,024 characters" in found[0][2]


def test_a_huge_number_stays_a_problem_not_a_crash() -> None:
    # int() of more than 4,300 digits raises ValueError in Python 3.11.
    found = problems(load(deck("F").replace(b"back: B", b"back: 1" + b"0" * 10_000)))
    assert found[0][0] == 7


# -- text edge cases -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "\u202eevil\u202c right-to-left",  # RTL override
        "\u05e9\u05dc\u05d5\u05dd \u0627\u0644\u0633\u0644\u0627\u0645",  # Hebrew, Arabic
        "e\u0301\u0301\u0301\u0301 combining",  # stacked combining marks
        "\u0301 starts with a combining mark",
        "zero\u200bwidth\u200djoiner",
        "가\ufe0f\U0001f600 emoji \U0001f468\u200d\U0001f469\u200d\U0001f467",
        "한국어 질문?",
    ],
)
def test_unusual_but_valid_text_loads_unchanged(text: str) -> None:
    for written in (text, f'"{text}"', f"'{text}'"):
        outcome = load(deck(written))
        assert isinstance(outcome, LoadedDeck), outcome
        card = outcome.deck.cards[0]
        assert isinstance(card, BasicCard) and card.front == text


def test_bom_and_windows_line_ends_load() -> None:
    data = b"\xef\xbb\xbf" + deck("F").replace(b"\n", b"\r\n")
    outcome = load(data)
    assert isinstance(outcome, LoadedDeck)
    assert outcome.card_lines == {"a1": 4}


@pytest.mark.parametrize(
    ("raw", "where"),
    [(b"\x00", (6, 13)), (b"\x1b", (6, 13)), (b"\x7f", (6, 13)), (b"\xff", (6, 13))],
)
def test_raw_control_or_invalid_bytes_are_located(raw: bytes, where: tuple[int, int]) -> None:
    found = problems(load(deck("F").replace(b"front: F", b"front: F" + raw)))
    assert [(line, col) for line, col, _ in found] == [where], found


def test_a_tab_in_indentation_is_located() -> None:
    found = problems(load(deck("F").replace(b"    front", b"\tfront")))
    assert (6, 1) in [(line, col) for line, col, _ in found]


def test_an_escaped_lone_surrogate_is_refused_at_its_value() -> None:
    found = problems(load(deck('"\\ud800 half a pair"')))
    assert [(line, col) for line, col, _ in found] == [(6, 12)], found


@pytest.mark.parametrize("escape", ["\\0", "\\x00", "\\e", "\\a", "\\x07"])
def test_an_escaped_control_character_is_refused_like_a_raw_one(escape: str) -> None:
    problems(load(deck(f'"a{escape}b"')))


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(codec="utf-8", categories=["Cc"], exclude_characters="\t\n\r\x85"),
               min_size=1, max_size=3))
def test_raw_control_characters_never_load(controls: str) -> None:
    # Tab, LF, CR and NEL are YAML white space or line breaks; every other C0/C1 control
    # character written raw is refused.
    problems(load(deck("F" + controls)))


# -- merge keys, documents, directives ------------------------------------------------------------


def test_merge_keys_are_refused_with_a_hint() -> None:
    data = deck("F").replace(
        b"  - id: a1\n",
        b"  - &base\n    id: a0\n    type: basic\n    front: X\n    back: Y\n"
        b"  - <<: *base\n    id: a1\n",
    )
    found = problems(load(data))
    assert [(line, col) for line, col, msg in found if "merge keys" in msg] == [(9, 5)], found


def test_a_second_document_is_refused() -> None:
    found = problems(load(deck("F") + b"---\n" + deck("G")))
    assert [line for line, _, msg in found if "one YAML document" in msg] == [8]


# -- reading the file itself ---------------------------------------------------------------

_READ = textwrap.dedent(
    """
    import resource, sys
    from pathlib import Path
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
    from bot.decks import DeckError, load_deck
    try:
        load_deck(Path(sys.argv[1]))
    except DeckError as error:
        print("DeckError", error)
    """
)


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_reading_a_deck_is_bounded_whatever_the_path_is(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    if kind == "device":
        path.symlink_to("/dev/zero")
    else:
        os.mkfifo(path)
    try:
        run = subprocess.run(
            [sys.executable, "-c", _READ, str(path)],
            cwd=REPO, capture_output=True, text=True, timeout=3,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("load_deck hung")
    assert run.returncode == 0, run.stderr[-500:]
    assert run.stdout.startswith("DeckError")
