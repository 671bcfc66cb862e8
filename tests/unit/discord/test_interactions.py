"""The interaction helpers' rules: which language a reply speaks, who holds a learner's lock."""

from __future__ import annotations

import discord

from bot.discord.interactions import InFlight, LearnerLocks, reply_language


def test_language_order_saved_then_discord_then_deck() -> None:
    assert reply_language("ko", discord.Locale.american_english, "en", "en") == "ko"
    assert reply_language(None, discord.Locale.korean, "en", "en") == "ko"
    assert reply_language(None, discord.Locale.french, "ko", "ko") == "en"  # other locales: English
    assert reply_language(None, None, "ko", "en") == "ko"
    assert reply_language(None, None, None, "en") == "en"


def test_a_learner_keeps_one_lock_while_it_is_held_and_learners_do_not_share() -> None:
    locks = LearnerLocks()
    first = locks(1)
    assert locks(1) is first
    assert locks(2) is not first


def test_in_flight_counts_what_runs_and_says_whether_others_were_running() -> None:
    load = InFlight()
    with load.one() as busy_first, load.one() as busy_second:
        assert load.count == 2
    assert (busy_first, busy_second, load.count) == (False, True, 0)
