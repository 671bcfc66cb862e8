"""Forged clicks and modals against the real bot: refused cleanly, nothing written.

A modified client can send any custom_id (see `hostile_support.forge_click`).
Every case checks the learner-visible answer (an ephemeral refusal, or at
least no change to anyone's card) and that review_log, review_states,
daily_answers and enrollments hold exactly the rows they held before.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
import pytest_asyncio

from tests.e2e.hostile_support import forge_click, forged_modal, row_counts
from tests.e2e.support_bot import (
    BotProcess,
    by_kind,
    card_text,
    query,
    start_bot,
    write_deck,
)
from tests.emulator import Emulator, Guild, SimUser, StoredMessage
from tests.emulator.interactions import InteractionHandle

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

TYPED_DECK = """\
deck: typed
title: Typed only
lang: en
cards:
  - id: t1
    type: typed
    front: Which system is the phone book of the internet?
    back: DNS
"""
NOT_YOURS = "belongs to someone else"


@dataclass
class Stage:
    emu: Emulator
    guild: Guild
    bot: BotProcess
    ana: SimUser
    ben: SimUser
    tia: SimUser

    async def card(self, user: SimUser, deck: str | None = None) -> StoredMessage:
        """``user``'s current card, by DM, after /study in the server (of the mini deck unless
        ``deck`` says otherwise: with two decks loaded, a first /study without one asks)."""
        before = len(self.emu.dm_messages(user))
        options = {"deck": deck or "mini"}
        await (await self.emu.slash(user, "study", options, guild=self.guild)).response()
        await self.emu.wait_for(lambda: len(self.emu.dm_messages(user)) > before)
        return self.emu.dm_messages(user)[-1]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def stage(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stage]:
    workdir = tmp_path_factory.mktemp("hostile")
    write_deck(workdir / "decks")
    write_deck(workdir / "decks", TYPED_DECK, "typed.yaml")
    async with Emulator(interaction_deadline=3.0) as emu:
        guild = emu.add_guild("Study Group")
        ana, ben, tia = (emu.add_user(n, guild=guild) for n in ("ana", "ben", "tia"))
        bot = await start_bot(emu, workdir)
        try:
            yield Stage(emu, guild, bot, ana, ben, tia)
        finally:
            code = await bot.stop()
        assert code == 0, bot.stderr()
        assert unexpected_tracebacks(bot.stderr()) == []


def unexpected_tracebacks(stderr: str) -> list[str]:
    """Tracebacks in the bot's log, but the OverflowError the daily xfail below provokes
    (study clicks with such ids are checked for a clean log in their own test)."""
    chunks = stderr.split("Traceback (most recent call last):")[1:]
    return [chunk[-1500:] for chunk in chunks if "OverflowError" not in chunk]


def prompt_of(message: StoredMessage) -> int:
    return int(str(message.buttons()[0]["custom_id"]).rsplit(":", 1)[1])


def shown(message: StoredMessage) -> tuple[int, str]:
    """What the learner's card message shows: how often it changed, and its text."""
    return len(message.history), card_text(message)


async def refused_privately(handle: InteractionHandle, phrase: str) -> None:
    reply = await handle.response(within=5)
    assert reply.ephemeral, card_text(reply)
    assert phrase in card_text(reply), card_text(reply)


# -- another learner's buttons ------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["show", "skip", "stop", "type", "grade", "pick"])
async def test_a_click_on_another_learners_button_is_refused(stage: Stage, kind: str) -> None:
    card = await stage.card(stage.ana)
    prompt = prompt_of(card)
    suffix = {"grade": ":4", "pick": ":0"}.get(kind, "")
    before, look = row_counts(stage.bot.db_path), shown(card)
    handle = await forge_click(stage.emu, stage.ben, card,
                               f"sb:{kind}:{stage.ana.id}:{prompt}{suffix}")
    await refused_privately(handle, NOT_YOURS)
    assert row_counts(stage.bot.db_path) == before
    assert shown(card) == look


@pytest.mark.parametrize("kind", ["show", "skip", "stop", "grade", "pick"])
async def test_a_prompt_from_another_learners_session_is_refused(stage: Stage, kind: str) -> None:
    """ana's own id with ben's prompt: her card stays, his session stays open and unread."""
    mine, theirs = await stage.card(stage.ana), await stage.card(stage.ben)
    suffix = {"grade": ":4", "pick": ":0"}.get(kind, "")
    before, look, their_look = row_counts(stage.bot.db_path), shown(mine), shown(theirs)
    handle = await forge_click(stage.emu, stage.ana, mine,
                               f"sb:{kind}:{stage.ana.id}:{prompt_of(theirs)}{suffix}")
    await refused_privately(handle, NOT_YOURS)
    assert row_counts(stage.bot.db_path) == before
    assert shown(mine) == look and shown(theirs) == their_look
    open_sessions = query(stage.bot.db_path, "SELECT count(*) FROM study_sessions "
                          "WHERE user_id = ? AND ended_at IS NULL", stage.ben.id)
    assert open_sessions == [(1,)]


# -- values outside what the buttons offer ---------------------------------------------------------


@pytest.mark.parametrize("quality", [6, 9, 999])
async def test_a_grade_outside_0_to_5_is_refused(stage: Stage, quality: int) -> None:
    card = await stage.card(stage.ana)
    before, look = row_counts(stage.bot.db_path), shown(card)
    handle = await forge_click(stage.emu, stage.ana, card,
                               f"sb:grade:{stage.ana.id}:{prompt_of(card)}:{quality}")
    await refused_privately(handle, "couldn't take that answer")
    assert row_counts(stage.bot.db_path) == before
    assert shown(card) == look


async def test_answers_that_do_not_fit_the_card_write_nothing(stage: Stage) -> None:
    """A choice index past the options, a grade on a card that is not self-graded, a pick
    on a card without options: the card is shown again, nothing is recorded."""
    card = await stage.card(stage.tia, "typed")
    assert by_kind(card, "type"), card_text(card)
    prompt = prompt_of(card)
    for forged in (f"sb:pick:{stage.tia.id}:{prompt}:0", f"sb:pick:{stage.tia.id}:{prompt}:999",
                   f"sb:grade:{stage.tia.id}:{prompt}:5"):
        before = row_counts(stage.bot.db_path)
        reply = await (await forge_click(stage.emu, stage.tia, card, forged)).response(within=5)
        assert row_counts(stage.bot.db_path) == before, forged
        assert "phone book" in card_text(reply) or reply.ephemeral, card_text(reply)


async def test_an_oversized_typed_answer_is_refused(stage: Stage) -> None:
    card = await stage.card(stage.tia, "typed")
    for size in (4001, 100_000):
        opened = await stage.emu.click(stage.tia, card, custom_id=by_kind(card, "type")[0])
        modal = await opened.modal()
        before = row_counts(stage.bot.db_path)
        handle = await stage.emu.submit_modal(stage.tia, modal, {"sb:answer": "DNS" * size})
        reply = await handle.response(within=5)
        assert row_counts(stage.bot.db_path) == before
        assert "couldn't take that answer" in card_text(reply)


async def test_a_modal_for_someone_elses_prompt_is_refused(stage: Stage) -> None:
    card, theirs = await stage.card(stage.tia, "typed"), await stage.card(stage.ben)
    opened = await stage.emu.click(stage.tia, card, custom_id=by_kind(card, "type")[0])
    modal = await opened.modal()
    for custom_id in (f"sb:typed:{stage.tia.id}:{prompt_of(theirs)}",
                      f"sb:typed:{stage.ben.id}:{prompt_of(card)}"):
        before, look = row_counts(stage.bot.db_path), shown(theirs)
        handle = await stage.emu.submit_modal(stage.tia, forged_modal(modal, custom_id),
                                              {"sb:answer": "DNS"})
        await refused_privately(handle, NOT_YOURS)
        assert row_counts(stage.bot.db_path) == before
        assert shown(theirs) == look


async def test_ids_beyond_64_bits_are_a_gone_card_not_an_error(stage: Stage) -> None:
    card = await stage.card(stage.ana)
    before, logged = row_counts(stage.bot.db_path), len(stage.bot.stderr())
    huge = "9" * 30
    reply = await (await forge_click(stage.emu, stage.ana, card,
                                     f"sb:show:{stage.ana.id}:{huge}")).response(within=5)
    assert "went wrong" not in card_text(reply)
    assert row_counts(stage.bot.db_path) == before
    assert "Traceback" not in stage.bot.stderr()[logged:]


async def test_a_daily_post_id_beyond_64_bits_is_a_gone_post(stage: Stage) -> None:
    card = await stage.card(stage.ana)
    reply = await (await forge_click(stage.emu, stage.ana, card,
                                     f"sb:daily:pick:{'9' * 30}:0")).response(within=5)
    assert "went wrong" not in card_text(reply)


# -- ids that match nothing ------------------------------------------------------------


def malformed(stage: Stage, prompt: int) -> list[str]:
    me = stage.ana.id
    return ["sb:show", f"sb:show:{me}", f"sb:show:{me}:", f"sb:show:x{me}:{prompt}",
            f"sb:show:{me}:{prompt}x", f"zz:show:{me}:{prompt}", f"sb:show:{me}:{prompt}:1",
            f"sb:pick:{me}:{prompt}:1234", "sb:" + "9" * 97]


async def test_malformed_or_truncated_ids_write_nothing(stage: Stage) -> None:
    card = await stage.card(stage.ana)
    before, look = row_counts(stage.bot.db_path), shown(card)
    logged = len(stage.bot.stderr())
    for forged in malformed(stage, prompt_of(card)):
        handle = await forge_click(stage.emu, stage.ana, card, forged)
        with contextlib.suppress(TimeoutError):  # ignored: nothing happened
            await handle.ack(within=1.0)
    assert row_counts(stage.bot.db_path) == before
    assert shown(card) == look
    assert "Traceback" not in stage.bot.stderr()[logged:]


async def test_malformed_ids_get_a_private_answer(stage: Stage) -> None:
    card = await stage.card(stage.ana)
    handle = await forge_click(stage.emu, stage.ana, card, f"sb:show:{stage.ana.id}")
    reply = await handle.response(within=1.5)
    assert reply.ephemeral
