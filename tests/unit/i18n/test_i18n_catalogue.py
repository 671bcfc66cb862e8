"""The catalogue: every message in both languages, and lookups that never crash."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.i18n import SUPPORTED, format_date, t
from bot.i18n.catalogue import DUPLICATES, MESSAGES, ONE_SUFFIX, fill, placeholders, tn


def test_no_key_is_defined_twice_across_the_tables() -> None:
    assert DUPLICATES == []


def test_every_front_end_table_is_part_of_the_catalogue() -> None:
    # The terminal's and the shared words at least; others join by adding a module.
    assert {"terminal.help", "card.answer", "date.short"} <= set(MESSAGES)


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_every_language_with_the_same_placeholders(key: str) -> None:
    texts = MESSAGES[key]
    assert set(texts) == set(SUPPORTED), key
    for lang in SUPPORTED:
        assert texts[lang].strip(), (key, lang)
    assert placeholders(texts["ko"]) == placeholders(texts["en"]), key


def test_singular_variants_have_a_plural_base_and_need_nothing_more() -> None:
    for key in MESSAGES:
        if key.endswith(ONE_SUFFIX):
            base = key.removesuffix(ONE_SUFFIX)
            assert base in MESSAGES, key
            for lang in SUPPORTED:
                assert placeholders(MESSAGES[key][lang]) <= placeholders(MESSAGES[base][lang])


def test_korean_messages_speak_haeyo_style_throughout() -> None:
    # One register for the whole app: 해요체, never the formal 합니다체.
    formal = re.compile(r"(습|ㅂ)?니다[.!?]?$|십시오")
    for key, texts in MESSAGES.items():
        for line in texts["ko"].splitlines():
            assert not formal.search(line.strip()), (key, line)


def test_korean_and_english_texts_differ_where_there_are_words_to_translate() -> None:
    untranslated = [
        key
        for key, texts in MESSAGES.items()
        if texts["ko"] == texts["en"]
        and re.search(r"[A-Za-z]{3,}", re.sub(r"\{[^{}]*\}", "", texts["en"]))
    ]
    assert untranslated == []


def test_lookup_fills_placeholders_in_the_asked_language() -> None:
    assert t("deck.unknown", "ko", deck="aws") == "'aws' 덱을 찾을 수 없어요."
    assert t("deck.unknown", "en", deck="aws") == "There is no deck called 'aws'."


def test_an_unsupported_language_falls_back_to_english() -> None:
    assert t("deck.unknown", "fr", deck="aws") == t("deck.unknown", "en", deck="aws")


def test_an_unknown_key_comes_back_as_the_key() -> None:
    assert t("no.such.message", "ko", n=3) == "no.such.message"


def test_a_missing_placeholder_stays_visible_instead_of_crashing() -> None:
    assert t("deck.unknown", "en") == "There is no deck called '{deck}'."
    assert fill("{n:d} of {total}", {"total": 3}) == "{n:d} of {total}"
    assert fill("{} and {0}", {}) == "{} and {0}"


@given(
    key=st.sampled_from(sorted(MESSAGES)),
    lang=st.text(max_size=5),
    values=st.dictionaries(
        st.from_regex(r"[a-z_]{1,8}", fullmatch=True),
        st.one_of(st.integers(), st.text(), st.none()),
        max_size=4,
    ),
)
def test_lookups_never_raise(key: str, lang: str, values: dict[str, object]) -> None:
    assert isinstance(t(key, lang, **values), str)


def test_counts_pick_the_singular_in_english_only_for_one() -> None:
    assert tn("count.cards", "en", 1) == "1 card"
    assert tn("count.cards", "en", 0) == "0 cards"
    assert tn("count.cards", "en", 12) == "12 cards"
    assert tn("count.cards", "ko", 1) == "1장"


def test_dates_read_as_today_tomorrow_or_a_short_date() -> None:
    thursday = date(2026, 11, 26)
    assert format_date(thursday, "en", today=thursday) == "today"
    assert format_date(thursday, "ko", today=thursday - timedelta(days=1)) == "내일"
    assert format_date(thursday, "en", today=thursday - timedelta(days=2)) == "Thu 26 Nov"
    assert format_date(thursday, "ko") == "11월 26일 (목)"
    assert format_date(date(2027, 1, 3), "en") == "Sun 3 Jan"


def test_a_particle_spec_picks_the_form_that_fits_the_inserted_value() -> None:
    template = "{deck:으로} 가요 · {deck:은} · {deck:이} · {deck:을} · {deck:와} · {deck:이란}"
    assert fill(template, {"deck": "도커"}, "ko") == (
        "도커로 가요 · 도커는 · 도커가 · 도커를 · 도커와 · 도커란")
    assert fill(template, {"deck": "설정"}, "ko") == (
        "설정으로 가요 · 설정은 · 설정이 · 설정을 · 설정과 · 설정이란")
    assert fill("{x:로}", {"x": "파일"}, "ko") == "파일로"
    assert fill("{x:이라}는", {"x": "DNS"}, "ko") == "DNS라는"
    assert fill("{n:예요}", {"n": "3장"}, "ko") == "3장이에요"


def test_mark_up_closes_before_the_particle() -> None:
    assert fill("{v:'은} 몰라요", {"v": "Asia/Sel"}, "ko") == "'Asia/Sel'은 몰라요"
    assert fill("{v:`으로}", {"v": "/덱"}, "ko") == "`/덱`으로"
    assert fill("{v:**를}", {"v": "도커"}, "ko") == "**도커**를"
    assert fill("{v:`}", {"v": "/덱"}, "ko") == "`/덱`"
    assert fill("{n:02d}:00", {"n": 4}, "ko") == "04:00"  # ordinary specs still work


def test_commands_are_named_as_the_readers_client_lists_them() -> None:
    assert fill("{/study}", {}, "ko") == "/학습"
    assert fill("{/study}", {}, "en") == "/study"
    assert fill("{/daily setup:`으로} 시작해요", {}, "ko") == "`/오늘의문제 설정`으로 시작해요"
    assert fill("{/decks:으로}", {}, "ko") == "/덱으로"
    assert fill("{/remind on:`으로}", {}, "ko") == "`/알림 켜기`로"
    assert fill("{/no such:으로}", {}, "ko") == "{/no such:으로}"


def test_a_missing_value_stays_visible_with_its_particle() -> None:
    assert fill("{deck:으로} 가요", {}, "ko") == "{deck:으로} 가요"
    assert fill("{deck} 가요", {}, "ko") == "{deck} 가요"


def test_a_template_without_braces_is_its_own_text_without_being_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Most labels have no placeholder and every card draws several: they are not parsed,
    and what is shown is what parsing would have given."""
    from bot.i18n import catalogue

    parsed: list[str] = []
    real = catalogue._Formatter.vformat

    def counting(self: catalogue._Formatter, template: str, *args: object) -> str:
        parsed.append(template)
        return real(self, template, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(catalogue._Formatter, "vformat", counting)
    assert fill("Show answer", {"n": 1}) == "Show answer"
    assert fill("정답 보기", {}, "ko") == "정답 보기"
    assert parsed == []
    # Braces still go through str.format's rules: "}}" is one brace, a lone one is kept.
    assert fill("a}}b", {}) == "a}b" and fill("a}b", {}) == "a}b"
    assert fill("{n}개", {"n": 3}) == "3개"
    assert parsed == ["a}}b", "a}b", "{n}개"]
