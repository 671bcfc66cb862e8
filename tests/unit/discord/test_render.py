"""Cards as Discord sees them: within every length limit, mentions off, keys-only custom_ids."""

from __future__ import annotations

import re

import discord
from hypothesis import given
from hypothesis import strategies as st

from bot.decks.limits import MAX_TEXT_CHARS
from bot.discord.components import ids, render
from bot.srs.queue import LeftToday
from bot.study.cards import FaceText
from bot.study.session import AnswerOutcome, AnswerStatus, PromptView

USER = 2**63 - 1  # the largest snowflake: custom_ids must still fit
PROMPT = 2**31 - 1


def view_of(face: FaceText, remaining: int = 3) -> PromptView:
    return PromptView(prompt_id=PROMPT, session_id=1, user_id=USER, deck_id="d" * 64,
                      card_id="c1", card_pk=1, face=1, text=face, is_new=True,
                      is_drill=False, left=LeftToday(new=remaining))


def embed_total(embeds: list[discord.Embed]) -> int:
    return sum(len(e) for e in embeds)


texts = st.text(min_size=1, max_size=6000)
TITLE = "클라우드와 가상화 기초"
#: The longest text a deck field may hold (bot.decks.limits.MAX_TEXT_CHARS).
LONGEST = MAX_TEXT_CHARS


@given(question=texts, answer=texts, extra=texts,
       choices=st.lists(st.text(min_size=1, max_size=200), min_size=2, max_size=25,
                        unique=True))
async def test_any_card_fits_discord_limits(question: str, answer: str, extra: str,
                                            choices: list[str]) -> None:
    for face in (FaceText("basic", question, answer, None, (), ()),
                 FaceText("choice", question, choices[0], extra, tuple(choices), ()),
                 FaceText("cloze", question, answer, extra, (), ()),
                 FaceText("typed", question, answer, None, (), ())):
        for revealed in (False, True):
            lead = render.result_embed(
                AnswerOutcome(AnswerStatus.RECORDED, quality=1, correct=False,
                              answer=answer, extra=extra), "ko", self_graded=False,
                given=answer)
            screen = render.card(view_of(face), "en", title=TITLE, lead=lead,
                                 revealed=revealed)
            sent = screen.send_kwargs()["embeds"]
            assert embed_total(sent) <= 6000
            for embed in sent:
                assert len(embed.title or "") <= 256
                assert len(embed.description or "") <= 4096
                assert all(len(f.value or "") <= 1024 for f in embed.fields)
            assert screen.view is not None
            buttons = [c for c in screen.view.children if isinstance(c, discord.ui.Button)]
            assert len(buttons) <= 25
            assert all(1 <= len(b.label or "") <= 80 for b in buttons)
            assert all(len(b.custom_id or "") <= 100 for b in buttons)


async def test_mentions_are_disabled_on_every_send_and_edit() -> None:
    face = FaceText("basic", "@everyone look <@123>", "a", None, (), ())
    screen = render.card(view_of(face), "en", title=TITLE)
    for kwargs in (screen.send_kwargs(), screen.edit_kwargs()):
        mentions = kwargs["allowed_mentions"]
        assert mentions.to_dict() == {"parse": []}


async def test_buttons_carry_only_keys() -> None:
    face = FaceText("choice", "Which?", "IaaS", None, ("IaaS", "PaaS", "SaaS"), ())
    screen = render.card(view_of(face), "en", title=TITLE)
    assert screen.view is not None
    custom_ids = [getattr(c, "custom_id", "") for c in screen.view.children]
    assert custom_ids == [ids.pick(USER, PROMPT, i) for i in range(3)] + [
        ids.skip(USER, PROMPT), ids.stop(USER, PROMPT)]
    assert re.fullmatch(ids.PICK, custom_ids[2])
    assert "IaaS" not in "".join(custom_ids)


async def test_revealed_card_offers_the_four_grades_in_order() -> None:
    face = FaceText("cloze", "A [...] is built", "Dockerfile", None, (), ())
    screen = render.card(view_of(face), "ko", title=TITLE, revealed=True)
    assert screen.view is not None
    labels = [getattr(c, "label", "") for c in screen.view.children]
    assert labels == ["다시", "어려움", "좋음", "쉬움", "그만하기"]
    assert "Dockerfile" in str(screen.embeds[0].fields[0].value)


async def test_left_today_is_on_every_card() -> None:
    face = FaceText("typed", "DNS?", "DNS", None, (), ())
    screen = render.card(view_of(face, remaining=7), "en", title=TITLE)
    assert "7 left today" in (screen.embeds[0].footer.text or "")



def longest_faces() -> list[FaceText]:
    """Every card type with each text as long as a deck file allows."""
    q, a, n = "Q" * LONGEST, "A" * LONGEST, "N" * LONGEST
    choices = tuple(f"{i}" * 100 for i in range(20))
    return [FaceText("basic", q, a, None, (), ()),
            FaceText("choice", q, choices[3], n, choices, ()),
            FaceText("cloze", q, a, n, (), ()),
            FaceText("typed", q, a, n, (), (a,))]


async def test_a_card_at_the_deck_formats_limits_fits_one_message() -> None:
    # A revealed cloze card with a 10,000-character text, answer and note was 6,144+
    # characters of embeds: Discord refused it and the learner saw "interaction failed".
    for face in longest_faces():
        lead = render.result_embed(
            AnswerOutcome(AnswerStatus.RECORDED, quality=1, correct=False, answer=face.answer,
                          extra=face.extra), "en", self_graded=False, given="G" * 400)
        for revealed in (False, True):
            for above in (None, lead):
                screen = render.card(view_of(face), "en", title="T" * 200, lead=above,
                                     revealed=revealed)
                for kwargs in (screen.send_kwargs(), screen.edit_kwargs()):
                    sent = kwargs["embeds"]
                    assert embed_total(sent) <= 6000, (face.type, revealed, above)
                    card = sent[-1]
                    # Answer and note keep a fair share: the question gave way, not them.
                    if revealed:
                        assert len(card.fields[0].value or "") >= min(1000, len(face.answer))
                    assert (card.description or "").startswith("Q" * 1000)
                    assert (card.description or "").endswith("…")


async def test_a_card_is_headed_by_its_decks_title_not_its_id_and_type() -> None:
    face = FaceText("basic", "하이퍼바이저란?", "가상머신을 돌리는 계층", None, (), ())
    screen = render.card(view_of(face), "ko", title=TITLE)
    assert screen.embeds[0].title == TITLE
    assert "기본" not in (screen.embeds[0].title or "")
