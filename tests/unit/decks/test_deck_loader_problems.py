"""Each kind of mistake in a deck file is reported at the exact line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.decks import DeckError, Problem, load_deck, parse_deck
from bot.decks.limits import MAX_ALIAS_NODES, MAX_DEPTH, MAX_FILE_BYTES, MAX_TEXT_CHARS

HEAD = "title: 테스트\ncards:\n"


def problems(text: str | bytes, path: str = "decks/t.yaml") -> list[Problem]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(DeckError) as caught:
        parse_deck(data, path)
    found = caught.value.problems
    assert found, "DeckError without problems"
    return found


def only(text: str | bytes) -> Problem:
    found = problems(text)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def at(problem: Problem) -> tuple[int, int]:
    return problem.line, problem.col


def test_problem_prints_like_a_compiler() -> None:
    problem = Problem("decks/x.yaml", 3, 7, "`front` is empty")
    assert str(problem) == "decks/x.yaml:3:7: `front` is empty"


def test_unclosed_quote_points_at_the_opening_quote_not_the_end_of_file() -> None:
    text = HEAD + '  - id: a\n    type: basic\n    front: "abc\n    back: d\n  - id: b\n'
    problem = only(text)
    assert at(problem) == (5, 12)
    assert "never closed" in problem.message


def test_unclosed_quote_in_the_middle_points_at_the_opening_quote() -> None:
    text = (
        HEAD
        + '  - id: a\n    type: basic\n    front: "abc\n    back: d\n'
        + '  - id: b\n    type: basic\n    front: "xyz"\n    back: e\n'
    )
    problem = only(text)
    assert at(problem) == (5, 12)
    assert 'closing quote (")' in problem.message


def test_colon_inside_unquoted_value_asks_for_quotes() -> None:
    text = HEAD + "  - id: a\n    type: basic\n    front: IaaS: 정의는?\n    back: b\n"
    problem = only(text)
    assert at(problem) == (5, 16)
    assert "quotes" in problem.message


def test_unclosed_flow_list_points_at_its_bracket() -> None:
    text = HEAD + "  - id: a\n    type: choice\n    choices: [a, b\n    answer: a\n"
    problem = only(text)
    assert at(problem) == (5, 14)
    assert "`[`" in problem.message


def test_tab_indentation_is_reported_where_the_tab_is() -> None:
    problem = only(HEAD + "\t- id: a\n")
    assert at(problem) == (3, 1)
    assert "tab" in problem.message


def test_misaligned_key_is_reported_on_its_line() -> None:
    text = HEAD + "  - id: a\n    type: basic\n     front: f\n    back: b\n"
    problem = only(text)
    assert at(problem) == (5, 6)
    assert "indented more" in problem.message


def test_key_without_colon() -> None:
    problem = only(HEAD + "  - id: a\n    type: basic\n    front\n    back: b\n")
    assert at(problem) == (5, 5)
    assert "no `: `" in problem.message


def test_text_after_a_closed_quote() -> None:
    problem = only(HEAD + "  - id: a\n    type: basic\n    front: 'it's'\n    back: b\n")
    assert at(problem) == (5, 16)
    assert "quote the whole value" in problem.message


def test_value_starting_with_a_reserved_character() -> None:
    problem = only(HEAD + "  - id: a\n    type: basic\n    front: @me\n    back: b\n")
    assert at(problem) == (5, 12)
    assert "cannot start with `@`" in problem.message


def test_item_dash_out_of_line() -> None:
    text = HEAD + "  - id: a\n    type: basic\n    front: f\n    back: b\n - id: c\n"
    problem = only(text)
    assert at(problem) == (7, 2)
    assert "indentation" in problem.message


def test_unquoted_cloze_braces_get_a_quoting_hint() -> None:
    text = HEAD + "  - id: a\n    type: cloze\n    text: {{c1::빌드}}하면 된다\n"
    problem = only(text)
    assert at(problem) == (5, 11)
    assert "quotes" in problem.message


def test_unquoted_cloze_alone_on_its_line_gets_the_same_hint() -> None:
    text = HEAD + "  - id: a\n    type: cloze\n    text: {{c1::빌드}}\n"
    found = problems(text)
    assert any("put the cloze text in quotes" in p.message and p.line == 5 for p in found)


def test_empty_file() -> None:
    problem = only(b"")
    assert at(problem) == (1, 1)
    assert "empty" in problem.message


def test_file_with_only_comments_is_empty() -> None:
    problem = only("# nothing yet\n\n# still nothing\n")
    assert at(problem) == (1, 1)
    assert "no content" in problem.message


def test_non_utf8_byte_is_located_by_line_and_character() -> None:
    data = "title: 한글\ncards: []\nsource: ab".encode() + b"\xff\n"
    problem = only(data)
    assert at(problem) == (3, 11)
    assert "0xFF" in problem.message and "UTF-8" in problem.message


def test_non_utf8_column_counts_characters_not_bytes() -> None:
    data = "title: 가나다".encode() + b"\xc3\x28\n"
    assert at(only(data)) == (1, 11)


def test_control_character_is_reported_at_its_position() -> None:
    problem = only("title: x\ncards: []\nsource: a\x07b\n")
    assert at(problem) == (3, 10)
    assert "U+0007" in problem.message


def test_top_level_must_be_a_mapping() -> None:
    problem = only("- id: a\n  type: basic\n")
    assert at(problem) == (1, 1)
    assert "top level must be a mapping" in problem.message


def test_cards_must_be_a_list() -> None:
    problem = only("title: t\ncards: nothing here\n")
    assert at(problem) == (2, 8)
    assert "`cards` must be a list" in problem.message


def test_card_that_is_not_a_mapping() -> None:
    problem = only(HEAD + "  - just some text\n")
    assert at(problem) == (3, 5)
    assert "mapping" in problem.message


def test_empty_cards_key() -> None:
    problem = only("title: t\ncards:\n")
    assert at(problem) == (2, 1)
    assert "`cards` is empty" in problem.message


def test_empty_card_type() -> None:
    problem = only(HEAD + "  - id: a\n    type:\n    front: f\n")
    assert at(problem) == (4, 5)
    assert "`type` is empty" in problem.message


def test_unknown_card_type_lists_the_valid_ones() -> None:
    problem = only(HEAD + "  - id: a\n    type: flash\n    front: f\n")
    assert at(problem) == (4, 11)
    assert "`flash`" in problem.message
    assert "basic, choice, cloze, typed" in problem.message


def test_missing_type_points_at_the_card() -> None:
    problem = only(HEAD + "  - id: a\n    front: f\n    back: b\n")
    assert at(problem) == (3, 5)
    assert "`type`" in problem.message


def test_unknown_field_suggests_the_closest_name() -> None:
    # The typo is reported at its key; the missing `front` at the card.
    found = problems(HEAD + "  - id: a\n    type: basic\n    frnot: f\n    back: b\n")
    assert [at(p) for p in found] == [(3, 5), (5, 5)]
    assert "missing `front`" in found[0].message
    assert "unknown field `frnot`" in found[1].message
    assert "did you mean `front`?" in found[1].message


def test_field_of_another_card_type_names_its_owner() -> None:
    text = HEAD + "  - id: a\n    type: basic\n    front: f\n    back: b\n    choices: [x, y]\n"
    problem = only(text)
    assert at(problem) == (7, 5)
    assert "only on `choice` cards" in problem.message


def test_unknown_top_level_key() -> None:
    problem = only("title: t\ntitel: x\ncards: []\n")
    assert at(problem) == (2, 1)
    assert "did you mean `title`?" in problem.message


def test_missing_required_field_points_at_the_card_item() -> None:
    problem = only(HEAD + "  - id: a\n    type: typed\n    front: f\n")
    assert at(problem) == (3, 5)
    assert "missing `back`" in problem.message


def test_missing_cards_points_at_the_top() -> None:
    problem = only("title: t\n")
    assert at(problem) == (1, 1)
    assert "missing `cards`" in problem.message


@pytest.mark.parametrize(
    ("value", "column", "kind"),
    [("yes", 12, "not text"), ("'true'", 12, "not text"), ("1", 12, "not a number"),
     ("", 5, "not empty")],
)
def test_draft_that_is_not_a_boolean_points_at_its_value(
    value: str, column: int, kind: str
) -> None:
    text = HEAD + f"  - id: a\n    type: basic\n    front: f\n    back: b\n    draft: {value}\n"
    problem = only(text)
    assert at(problem) == (7, column)
    assert f"`draft` must be `true` or `false`, {kind}" in problem.message


def test_dropped_must_be_a_list_of_text() -> None:
    problem = only("title: t\ndropped: 포트#definition:포트\ncards: []\n")
    assert at(problem) == (2, 10)
    assert "`dropped` must be a list" in problem.message
    problem = only("title: t\ndropped:\n  - 포트#definition:포트\n  - 3\ncards: []\n")
    assert at(problem) == (4, 5)
    assert "`dropped` item 2 must be text, not a number; put it in quotes" in problem.message
    problem = only("title: t\ndropped:\n  -\ncards: []\n")
    assert at(problem) == (3, 4)
    assert "`dropped` item 1 is empty" in problem.message


def test_empty_value_points_at_its_key_or_value() -> None:
    found = problems(HEAD + '  - id: a\n    type: basic\n    front:\n    back: "  "\n')
    assert [at(p) for p in found] == [(5, 5), (6, 11)]
    assert all("`front` is empty" in found[0].message for _ in "x")
    assert "`back` is empty" in found[1].message


def test_duplicate_id_points_at_the_second_and_names_the_first_line() -> None:
    text = (
        HEAD
        + "  - id: same\n    type: basic\n    front: f\n    back: b\n"
        + "  - id: same\n    type: basic\n    front: g\n    back: c\n"
    )
    problem = only(text)
    assert at(problem) == (7, 9)
    assert "duplicate card id `same`" in problem.message
    assert "line 3" in problem.message


def test_missing_id() -> None:
    problem = only(HEAD + "  - type: basic\n    front: f\n    back: b\n")
    assert at(problem) == (3, 5)
    assert "missing `id`" in problem.message


def test_id_with_forbidden_characters() -> None:
    problem = only(HEAD + "  - id: a b/c\n    type: basic\n    front: f\n    back: b\n")
    assert at(problem) == (3, 9)
    assert "letters, digits" in problem.message


def test_numeric_id_must_be_quoted() -> None:
    problem = only(HEAD + "  - id: 12345678\n    type: basic\n    front: f\n    back: b\n")
    assert at(problem) == (3, 9)
    assert "not a number" in problem.message and "quotes" in problem.message


def test_choice_answer_not_among_choices_points_at_the_answer() -> None:
    text = HEAD + "  - id: a\n    type: choice\n    front: f\n    choices: [IaaS, PaaS]\n"
    problem = only(text + "    answer: SaaS\n")
    assert at(problem) == (7, 13)
    assert "`SaaS` is not one of the choices" in problem.message


def test_duplicate_choice_points_at_the_repeated_item() -> None:
    text = HEAD + "  - id: a\n    type: choice\n    front: f\n    choices: [높음, 낮음, 높음]\n"
    problem = only(text + "    answer: 높음\n")
    assert at(problem) == (6, 23)
    assert "`높음` appears twice" in problem.message


def test_choices_written_as_one_string_is_a_type_error() -> None:
    text = HEAD + '  - id: a\n    type: choice\n    front: f\n    choices: "a, b"\n    answer: a\n'
    problem = only(text)
    assert at(problem) == (6, 14)
    assert "`choices` must be a list" in problem.message


def test_single_choice_is_too_few() -> None:
    text = HEAD + "  - id: a\n    type: choice\n    front: f\n    choices: [a]\n    answer: a\n"
    problem = only(text)
    assert at(problem) == (6, 14)
    assert "at least 2 choices" in problem.message


def test_more_choices_than_buttons_points_at_the_first_one_too_many() -> None:
    # Four rows of five buttons hold the choices: a 21st could be where the answer lands.
    listed = "".join(f"      - option {i}\n" for i in range(1, 23))
    text = HEAD + "  - id: a\n    type: choice\n    front: f\n    choices:\n" + listed
    problem = only(text + "    answer: option 22\n")
    assert at(problem) == (27, 9)  # the `- option 21` item
    assert "at most 20 choices" in problem.message
    assert only(HEAD + "  - id: a\n    type: choice\n    front: f\n    choices:\n"
                + listed.replace("      - option 22\n", "") + "    answer: option 21\n"
                ).message.startswith("a choice card offers at most 20")
    parse_deck((HEAD + "  - id: a\n    type: choice\n    front: f\n    choices:\n"
                + "".join(f"      - option {i}\n" for i in range(1, 21))
                + "    answer: option 20\n").encode(), "decks/t.yaml")


def test_number_where_text_is_wanted_points_at_the_value() -> None:
    problem = only(HEAD + "  - id: a\n    type: basic\n    front: 123\n    back: b\n")
    assert at(problem) == (5, 12)
    assert "`front` must be text, not a number" in problem.message


def test_boolean_field_rejects_yes() -> None:
    text = HEAD + "  - id: a\n    type: basic\n    front: f\n    back: b\n    stale: yes\n"
    problem = only(text)
    assert at(problem) == (7, 12)
    assert "`true` or `false`" in problem.message


def test_tag_item_that_is_not_text() -> None:
    text = HEAD + "  - id: a\n    type: basic\n    front: f\n    back: b\n    tags: [ok, 7]\n"
    problem = only(text)
    assert at(problem) == (7, 16)
    assert "`tags` item 2 must be text" in problem.message


def test_src_lines_must_be_an_ordered_pair() -> None:
    text = (
        HEAD
        + "  - id: a\n    type: basic\n    front: f\n    back: b\n"
        + "    src: {anchor: x, lines: [14, 12]}\n"
    )
    problem = only(text)
    assert at(problem) == (7, 29)
    assert "[first, last]" in problem.message


def test_bad_lang() -> None:
    problem = only("title: t\nlang: jp\ncards: []\n")
    assert at(problem) == (2, 7)
    assert "ko, en" in problem.message


def test_bad_scheduler_points_at_its_value() -> None:
    problem = only("title: t\nlang: ko\nscheduler: anki\ncards: []\n")
    assert at(problem) == (3, 12)
    assert "sm2, fsrs" in problem.message


def test_scheduler_that_yaml_reads_as_a_number_is_refused_at_its_line() -> None:
    problem = only("title: t\nscheduler: 2\ncards: []\n")
    assert at(problem) == (2, 12)


def test_cloze_without_deletion_points_at_the_text() -> None:
    problem = only(HEAD + "  - id: a\n    type: cloze\n    text: 빌드하면 이미지가 된다\n")
    assert at(problem) == (5, 11)
    assert "{{c1::answer}}" in problem.message


def test_malformed_cloze_points_at_its_braces() -> None:
    text = HEAD + '  - id: a\n    type: cloze\n    text: "도커파일을 {{c1:빌드}}하면"\n'
    problem = only(text)
    assert at(problem) == (5, 18)
    assert "malformed cloze" in problem.message


def test_unclosed_cloze_in_a_block_scalar_points_at_its_line() -> None:
    text = HEAD + "  - id: a\n    type: cloze\n    text: |\n      첫 줄\n      {{c1::둘째 줄\n"
    problem = only(text)
    assert at(problem) == (7, 7)
    assert "never closed" in problem.message


def test_cloze_numbered_zero() -> None:
    problem = only(HEAD + "  - id: a\n    type: cloze\n    text: 'x {{c0::y}}'\n")
    assert at(problem) == (5, 14)
    assert "start at 1" in problem.message


def test_duplicate_key_in_a_card() -> None:
    text = HEAD + "  - id: a\n    type: basic\n    front: f\n    front: g\n    back: b\n"
    problem = only(text)
    assert at(problem) == (6, 5)
    assert "duplicate key `front`" in problem.message and "line 5" in problem.message


def test_python_tags_are_rejected_not_constructed() -> None:
    problem = only("title: !!python/object/apply:os.system [echo hacked]\ncards: []\n")
    assert at(problem) == (1, 8)
    assert "!!python/object/apply:os.system" in problem.message


def test_alias_bomb_is_stopped() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    problem = only("\n".join(lines) + "\n")
    assert f"{MAX_ALIAS_NODES:,}" in problem.message
    assert problem.line <= 9


def test_unknown_alias() -> None:
    problem = only("title: *nowhere\ncards: []\n")
    assert at(problem) == (1, 8)
    assert "unknown alias" in problem.message


def test_deep_nesting_is_refused() -> None:
    problem = only("title: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n")
    assert problem.line == 1
    assert "nested" in problem.message


def test_second_document_is_refused() -> None:
    problem = only("title: t\ncards: []\n---\ntitle: u\n")
    assert at(problem) == (3, 1)
    assert "one YAML document" in problem.message


def test_file_too_big() -> None:
    problem = only(b"#" * (MAX_FILE_BYTES + 1))
    assert at(problem) == (1, 1)
    assert "MiB" in problem.message


def test_field_too_long() -> None:
    text = HEAD + f"  - id: a\n    type: basic\n    front: {'가' * (MAX_TEXT_CHARS + 1)}\n"
    problem = only(text + "    back: b\n")
    assert at(problem) == (5, 12)
    assert f"{MAX_TEXT_CHARS:,}" in problem.message


def test_invalid_file_name_needs_an_explicit_deck_id() -> None:
    with pytest.raises(DeckError) as caught:
        parse_deck(b"title: t\ncards: []\n", "decks/my deck.yaml")
    [problem] = caught.value.problems
    assert at(problem) == (1, 1)
    assert "`deck:`" in problem.message


def test_a_file_with_many_mistakes_reports_all_of_them_in_order() -> None:
    text = (
        "title: 여러 오류\n"
        "lang: jp\n"
        "cards:\n"
        "  - id: a1\n"
        "    type: basic\n"
        "    frnot: x\n"
        "    back: y\n"
        "  - id: a2\n"
        "    type: choice\n"
        "    front: 123\n"
        "    choices: [a, b]\n"
        "    answer: c\n"
        "  - id: a1\n"
        "    type: typo\n"
        "  - id: a4\n"
        "    type: cloze\n"
        "    text: no deletion\n"
    )
    found = problems(text)
    assert [at(p) for p in found] == [
        (2, 7),  # lang
        (4, 5),  # missing front
        (6, 5),  # frnot
        (10, 12),  # front is a number
        (12, 13),  # answer not among the choices, although `front` is wrong too
        (13, 9),  # duplicate id
        (14, 11),  # unknown type
        (17, 11),  # no cloze deletion
    ]
    assert all(str(p).startswith("decks/t.yaml:") for p in found)


def test_a_card_with_a_missing_id_still_has_its_other_fields_checked() -> None:
    text = (
        "title: T\n"
        "cards:\n"
        "  - type: cloze\n"
        "    text: no deletion\n"
        "  - type: choice\n"
        "    front: Q\n"
        "    choices: [a, b]\n"
        "    answer: c\n"
    )
    assert [at(p) for p in problems(text)] == [(3, 5), (4, 11), (5, 5), (8, 13)]


def test_load_deck_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DeckError) as caught:
        load_deck(tmp_path / "gone.yaml")
    [problem] = caught.value.problems
    assert str(problem).startswith(f"{tmp_path / 'gone.yaml'}:1:1: cannot read file")


def test_load_deck_refuses_a_huge_file_before_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is actually written
    with pytest.raises(DeckError) as caught:
        load_deck(path)
    [problem] = caught.value.problems
    assert "limited to 5 MiB" in problem.message
