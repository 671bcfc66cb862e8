"""What the daily post, its reveal and a member's feedback look like (no Discord connection)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

import pytest

from bot.decks.matching import Verdict
from bot.discord import text
from bot.discord.cogs.daily._ids import OPEN, PICK
from bot.discord.cogs.daily._render import (
    feedback,
    post_buttons,
    post_embed,
    reveal_embed,
    status_embed,
)
from bot.discord.cogs.help import help_embed
from bot.discord.timestamps import duration, local_when
from bot.study.cards import face_text
from bot.study.daily import ConfigView, DailyOutcome, DailyStatus, PostView, RevealView

REVEAL_AT = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


def _view(card_type: str, content: dict[str, object], lang: str = "en",
          order: list[int] | None = None, timezone: str | None = None) -> PostView:
    return PostView(
        post_id=123456789, guild_id=1, channel_id=2, local_date=date(2026, 11, 25),
        message_id=99, status="posted", deck_title="Cloud", language=lang,
        text=face_text(card_type, dict(content), 1, order), reveal_due_at=REVEAL_AT,
        revealed=False, timezone=timezone,
    )


CHOICE = {"front": "Which model?", "choices": ["IaaS", "PaaS", "SaaS"], "answer": "IaaS",
          "back": "You install the rest."}


def test_a_choice_post_has_one_button_per_option_in_the_posts_order() -> None:
    view = _view("choice", CHOICE, order=[2, 0, 1])
    buttons = post_buttons(view)
    ids = [b.custom_id for b in buttons.children]  # type: ignore[attr-defined]
    labels = [b.label for b in buttons.children]  # type: ignore[attr-defined]
    assert labels == ["1. SaaS", "2. IaaS", "3. PaaS"]
    assert all(re.fullmatch(PICK, i) and len(i) <= text.CUSTOM_ID for i in ids)
    assert [re.fullmatch(PICK, i)["index"] for i in ids] == ["0", "1", "2"]  # type: ignore[index]
    embed = post_embed(view)
    assert "1. SaaS\n2. IaaS\n3. PaaS" in (embed.description or "")
    assert f"<t:{int(REVEAL_AT.timestamp())}:t>" in embed.fields[0].value  # type: ignore[operator]


def test_the_post_names_its_reveal_as_daily_status_does() -> None:
    view = _view("choice", CHOICE, timezone="Asia/Seoul")
    (named,) = post_embed(view).fields
    assert named.name == "Answer reveal"  # a time to come, not "revealed"
    field = named.value
    assert field == local_when(REVEAL_AT, "Asia/Seoul")
    assert field is not None and field.startswith("2026-11-25 17:00 (Asia/Seoul)")


@pytest.mark.parametrize(("card_type", "content"), [
    ("basic", {"front": "Capital of Korea?", "back": "Seoul"}),
    ("typed", {"front": "Phone book of the internet?", "back": "DNS"}),
    ("cloze", {"text": "A Dockerfile is {{c1::built}} into an image."}),
])
def test_other_cards_get_one_answer_button_and_cloze_is_masked(
    card_type: str, content: dict[str, object]
) -> None:
    view = _view(card_type, content, lang="ko")
    buttons = post_buttons(view)
    assert [b.label for b in buttons.children] == ["답하기"]  # type: ignore[attr-defined]
    assert re.fullmatch(OPEN, buttons.children[0].custom_id)  # type: ignore[attr-defined,arg-type]
    description = post_embed(view).description or ""
    assert "built" not in description
    assert post_embed(view).title == "오늘의 문제 · Cloud"


def test_reveal_shows_answer_back_figures_and_first_right() -> None:
    reveal = RevealView(_view("choice", CHOICE), answered=3, correct=2, first_correct=[11, 12])
    embed = reveal_embed(reveal)
    fields = {f.name: f.value for f in embed.fields}
    assert fields["Answer"] == "IaaS"
    assert fields["More"] == "You install the rest."
    assert fields["Results"] == "3 answered, 67% right."
    assert fields["First right"] == "<@11>, <@12>"
    korean = RevealView(_view("choice", CHOICE, "ko"), answered=3, correct=2, first_correct=[])
    assert {f.name: f.value for f in reveal_embed(korean).fields}["결과"] == (
        "3명이 답했고 정답률은 67%예요.")
    alone = RevealView(_view("choice", CHOICE, "ko"), answered=1, correct=1, first_correct=[11])
    assert {f.name: f.value for f in reveal_embed(alone).fields}["결과"] == (
        "1명이 답했어요 (정답률 100%).")  # not "1명이 답했고 100%가 맞혔어요"
    nobody = reveal_embed(RevealView(_view("choice", CHOICE, "ko"), 0, 0, []))
    assert {f.name: f.value for f in nobody.fields}["결과"] == "아무도 답하지 않았어요."


def test_feedback_words_every_outcome() -> None:
    assert feedback(DailyOutcome(DailyStatus.RECORDED, correct=True, points=13,
                                 reviewed=True), "en") == (
        "Right! +13 points\nAlso counted as your review of this card.")
    assert "거의" in feedback(DailyOutcome(DailyStatus.RECORDED, correct=False,
                                          verdict=Verdict.ALMOST), "ko")
    assert "already answered (wrong)" in feedback(
        DailyOutcome(DailyStatus.ALREADY, correct=False), "en")
    assert "DNS" in feedback(DailyOutcome(DailyStatus.LATE, answer="DNS"), "en")
    assert "no longer" in feedback(DailyOutcome(DailyStatus.UNKNOWN), "en")


def test_durations_read_naturally() -> None:
    assert duration(480, "en") == "8 h"
    assert duration(90, "ko") == "1시간 30분"
    assert duration(45, "en") == "45 min"


def test_long_cards_stay_within_discords_embed_limits() -> None:
    huge = {"front": "Q" * 6000, "choices": ["A" * 300, "B" * 300], "answer": "A" * 300,
            "back": "X" * 3000}
    view = _view("choice", huge)
    for embed in (post_embed(view), reveal_embed(RevealView(view, 10, 5, list(range(3))))):
        assert len(embed) <= text.EMBED_TOTAL
        assert len(embed.description or "") <= text.EMBED_DESCRIPTION
        assert all(len(f.value or "") <= text.EMBED_FIELD_VALUE for f in embed.fields)
    assert all(len(b.label or "") <= text.BUTTON_LABEL
               for b in post_buttons(view).children)  # type: ignore[attr-defined]


def test_status_of_many_channels_with_long_deck_titles_fits_one_message() -> None:
    title = "긴 덱 제목 " * 28  # 196 characters: a deck title may hold 200
    views = [ConfigView(id=i, guild_id=1, channel_id=100 + i, deck_id=f"d{i}", deck_title=title,
                        post_time=time(9, 0), timezone="Asia/Seoul", reveal_after_minutes=480,
                        language="ko", paused=False,
                        next_post_at=datetime(2026, 3, 2, 0, 0, tzinfo=UTC),
                        next_reveal_at=datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
             for i in range(30)]
    embed = status_embed(views, "ko", lambda channel_id: f"channel-{channel_id}")
    assert len(embed) <= text.EMBED_TOTAL and len(embed.fields) < 30
    assert all(title.strip() in (f.value or "") for f in embed.fields)  # whole entries
    assert f"채널 {30 - len(embed.fields)}개가 더 있어요" in (embed.footer.text or "")


def test_help_tells_a_group_member_how_the_daily_question_is_asked() -> None:
    ko = {f.name: f.value or "" for f in help_embed("ko", 4).fields}["👥 오늘의 문제 (스터디 그룹)"]
    assert "`오전 9시`" in ko and "보기로 섞어 물어봐요" in ko and "`/순위표`로" in ko
    # The card kinds and the grading by the names /help and the cards use.
    assert "주관식" in ko and "스스로 평가하지" in ko and "입력형" not in ko and "채점" not in ko
    en = {f.name: f.value or "" for f in help_embed("en", 4).fields}[
        "👥 Daily question (study groups)"]
    assert "a basic card comes as options" in en and "`/leaderboard` in the question's" in en
