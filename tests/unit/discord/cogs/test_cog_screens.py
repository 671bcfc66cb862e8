"""What the cogs draw, checked against Discord's limits and in both languages."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import discord
from hypothesis import given
from hypothesis import strategies as st

from bot.discord import text
from bot.discord.cogs.decks import (
    DECK_BUTTON,
    MAX_BUTTONS,
    catalogue_embed,
    catalogue_view,
    deck_button_id,
)
from bot.discord.cogs.help import help_embed
from bot.discord.cogs.settings import problem_line, refusal_embed, settings_embed
from bot.discord.cogs.stats import stats_embed
from bot.discord.options import timezone_choices
from bot.discord.translator import lookup
from bot.i18n.discord_cogs import MESSAGES
from bot.srs.queue import LeftToday
from bot.study.catalog import DeckEntry
from bot.study.preferences import PreferenceChange, Preferences, check_change
from bot.study.stats import DayCount, LearnerStats

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
BIG_USER = 2**63 - 1  # the longest snowflake


def _entries(n: int, title: str = "Deck") -> list[DeckEntry]:
    return [DeckEntry(f"d{i:03d}", f"{title} {i}", "en", 10, 12, i % 2 == 0) for i in range(n)]


def _buttons(view: discord.ui.View) -> list[discord.ui.Button[discord.ui.View]]:
    return [item for item in view.children if isinstance(item, discord.ui.Button)]


def test_every_message_has_both_languages() -> None:
    for key, texts in MESSAGES.items():
        assert texts.get("ko") and texts.get("en"), key
        assert lookup(key, "ko") == texts["ko"]


@given(st.text(alphabet="abcXYZ019_-", min_size=1, max_size=64), st.sampled_from(["join", "leave"]))
def test_deck_button_ids_fit_and_parse_back(deck_id: str, action: str) -> None:
    custom_id = deck_button_id(action, BIG_USER, deck_id)
    assert len(custom_id) <= text.CUSTOM_ID
    match = re.fullmatch(DECK_BUTTON, custom_id)
    assert match is not None
    assert (match["action"], int(match["user"]), match["deck"]) == (action, BIG_USER, deck_id)


def test_many_decks_fit_in_one_message() -> None:
    entries = _entries(40, title="A very long deck title " * 10)
    view = catalogue_view(entries, BIG_USER, "ko")
    assert view is not None
    buttons = _buttons(view)
    assert len(buttons) == MAX_BUTTONS
    assert all(b.row is not None and b.row < 5 for b in buttons)
    assert all(b.label and len(b.label) <= text.BUTTON_LABEL for b in buttons)
    embed = catalogue_embed(entries, "ko")
    assert len(embed.fields) == 25
    assert len(embed) <= text.EMBED_TOTAL
    assert "40" in (embed.description or "")  # says that some decks are not shown


def test_buttons_offer_leave_for_joined_decks_and_join_for_others() -> None:
    view = catalogue_view(_entries(2), 7, "en")
    assert view is not None
    assert [b.label for b in _buttons(view)] == ["Leave: Deck 0", "Join: Deck 1"]
    assert [b.custom_id for b in _buttons(view)] == ["sb:deck:leave:7:d000", "sb:deck:join:7:d001"]


def test_no_decks_means_no_buttons_and_a_hint() -> None:
    assert catalogue_view([], 7, "ko") is None
    assert "덱이 없어요" in (catalogue_embed([], "ko").description or "")


def test_zone_autocomplete_for_korean_and_other_clients() -> None:
    korean = timezone_choices("", "ko", NOW)
    assert korean[0].value == "Asia/Seoul"
    assert korean[0].name == "Asia/Seoul (10:00)"  # 01:00 UTC is 10:00 in Seoul
    assert len(korean) == 25
    other = timezone_choices("new yo", "en", NOW)
    assert other[0].value == "America/New_York" and other[0].name.endswith("(20:00)")
    assert all(len(c.name) <= text.CHOICE_NAME for c in timezone_choices("a", "en", NOW))


def test_refusals_name_the_field_bounds_and_suggestions() -> None:
    problems = check_change(
        PreferenceChange(timezone="Europe/Londn", reviews_per_day=10001, language="de")
    ).problems
    lines = [problem_line(p, "en") for p in problems]
    assert "`Europe/London`" in lines[0]
    assert "Pick Korean (ko) or English (en)" in lines[1]
    assert lines[2] == "Reviews per day must be between 0 and 10000 (you sent 10001)."
    embed = refusal_embed(tuple(problems), "ko")
    assert embed.title == "설정을 저장하지 못했어요"
    assert "하루 복습: 0부터 10000까지의 값만 쓸 수 있어요" in (embed.description or "")


def test_retention_is_shown_on_the_scale_it_is_typed_on() -> None:
    # The option takes 0.70-0.97: a learner who reads "90%" and types 90 is refused.
    def shown(retention: float, lang: str) -> str:
        prefs = Preferences("Asia/Seoul", "ko", 20, 200, 4, "fsrs", retention)
        fields = {f.name: f.value for f in settings_embed(prefs, lang, NOW, "ko").fields}
        return str(fields["Desired retention (FSRS)" if lang == "en" else "목표 기억률 (FSRS)"])

    assert shown(0.9, "en") == "0.90 (90%)"
    assert shown(0.85, "ko") == "0.85 (85%)"
    assert shown(0.875, "en") == "0.875 (88%)"  # what was typed, not rounded away
    for lang in ("ko", "en"):
        described = lookup("cmd.settings.opt.desired_retention.description", lang) or ""
        assert "0.70–0.97" in described and "0.90 = 90%" in described


def test_help_lists_every_command_a_learner_uses() -> None:
    for lang, names in (("ko", ("/학습", "/덱", "/설정", "/통계", "/시험", "/알림", "/연속기록",
                                "/도움말")),
                        ("en", ("/study", "/decks", "/settings", "/stats", "/exam", "/remind",
                                "/streak", "/help"))):
        fields = {f.name: f.value or "" for f in help_embed(lang, 4).fields}
        listed = fields["⌨️ 명령어" if lang == "ko" else "⌨️ Commands"]
        assert all(f"`{name}`" in listed for name in names), (lang, listed)


def test_a_zone_nothing_resembles_gets_an_example_instead() -> None:
    (problem,) = check_change(PreferenceChange(timezone="qqqqxxxzzz")).problems
    assert problem_line(problem, "en").endswith("Use a name like `Europe/London`.")


def test_stats_embed_numbers() -> None:
    today = date(2026, 11, 25)
    stats = LearnerStats(
        today=today,
        due_today=3,
        left=LeftToday(reviews=3, new=7),
        forecast=[(today + timedelta(days=i), 2) for i in range(1, 31)],
        history=[DayCount(today - timedelta(days=1), 8, 6), DayCount(today, 4, 3)],
        streak=2,
        total_reviews=12,
        faces_seen=9,
    )
    prefs = Preferences("Asia/Seoul", None, 20, 200, 4)
    embed = stats_embed(stats, prefs, "ko", "지민", studying=True, daily_streak=5)
    fields = {f.name: f.value for f in embed.fields}
    assert embed.title == "지민님의 학습 통계"
    assert fields["오늘 남은 카드"] == "10장 (복습 3장 · 새 카드 7장)"
    assert fields["7일 안에 복습할 카드"] == str(3 + 7 * 2)
    assert fields["최근 30일 복습"] == "12번 · 정답률 75%"
    assert fields["연속 학습"] == "2일"
    assert fields["오늘의 문제 연속 정답"] == "5일"
    assert embed.description is None  # studying: no hint to join a deck
    assert (embed.footer.text or "").startswith("기준: 11월 25일 (수) · Asia/Seoul")


def test_help_names_the_same_grade_buttons_as_the_cards() -> None:
    for lang, names in (("ko", ("다시", "어려움", "좋음", "쉬움")),
                        ("en", ("Again", "Hard", "Good", "Easy"))):
        embed = help_embed(lang, 5)
        body = "\n".join(f.value or "" for f in embed.fields)
        for name in names:
            assert f"**{name}**" in body
        assert "05:00" in (embed.footer.text or "")
        assert len(embed) <= text.EMBED_TOTAL
        assert all(len(f.value or "") <= text.EMBED_FIELD_VALUE for f in embed.fields)


def test_help_tells_the_first_study_the_summary_and_the_mistakes_review() -> None:
    ko = {f.name: f.value or "" for f in help_embed("ko", 4).fields}
    assert "처음이라면 어떤 덱을 공부할지 물어봐요" in ko["📚 공부하는 방법"]
    assert "하나에 답하면 나머지는 다음 날 나와요" in ko["📚 공부하는 방법"]
    review = ko["📝 마치고 나서"]
    assert "**그만하기** 버튼을 누르면 그냥 닫혀요" in review
    assert "`/학습`의 모드 **틀린 카드 (최근 7일)**: 최근 7일 동안 틀린 카드를" in review
    en = {f.name: f.value or "" for f in help_embed("en", 4).fields}
    assert "The first time, it asks which deck to study" in en["📚 Studying"]
    assert "Choose **Cards I missed (last 7 days)** as `/study`'s mode" in en[
        "📝 After a session"]


def test_texts_name_commands_as_the_learners_client_lists_them() -> None:
    ko = "\n".join(f.value or "" for f in help_embed("ko", 4).fields)
    for shown in ("`/학습`", "`/덱`", "`/설정`", "`/통계`", "`/도움말`"):
        assert shown in ko
    assert "/study" not in ko and "{" not in ko  # every placeholder filled
    en = "\n".join(f.value or "" for f in help_embed("en", 4).fields)
    assert "`/study`" in en and "`/settings`" in en and "{" not in en
