"""One message's embeds within Discord's 6,000 characters, whatever each text holds."""

from __future__ import annotations

import discord
from hypothesis import given
from hypothesis import strategies as st

from bot.discord import embeds, text


def embed_of(title: str, description: str, fields: list[tuple[str, str]], footer: str
             ) -> discord.Embed:
    embed = discord.Embed(title=title or None, description=description or None)
    for name, value in fields:
        embed.add_field(name=name, value=value)
    if footer:
        embed.set_footer(text=footer)
    return embed


long_texts = st.integers(min_value=0, max_value=12_000).map(lambda n: "x" * n)


@given(st.lists(st.tuples(long_texts, long_texts,
                          st.lists(st.tuples(long_texts.filter(bool), long_texts.filter(bool)),
                                   max_size=30),
                          long_texts), min_size=1, max_size=12))
def test_whatever_goes_in_what_comes_out_is_a_message_discord_accepts(
        parts: list[tuple[str, str, list[tuple[str, str]], str]]) -> None:
    fitted = embeds.fit([embed_of(*p) for p in parts])
    assert len(fitted) <= 10
    assert embeds.total_length(fitted) <= text.EMBED_TOTAL
    for embed in fitted:
        assert len(embed.title or "") <= 256
        assert len(embed.description or "") <= 4096
        assert len(embed.fields) <= 25
        assert all(1 <= len(f.name or "") <= 256 and 1 <= len(f.value or "") <= 1024
                   for f in embed.fields)
        assert len(embed.footer.text or "") <= 2048


def test_short_texts_stay_whole_and_long_ones_share_the_rest() -> None:
    card = embed_of("Deck", "Q" * 10_000, [("Answer", "A" * 10_000), ("Note", "N" * 10_000)],
                    "3 left today")
    [fitted] = embeds.fit([card])
    assert len(fitted) == 6000
    assert fitted.title == "Deck" and fitted.footer.text == "3 left today"
    assert [f.name for f in fitted.fields] == ["Answer", "Note"]
    assert [len(f.value or "") for f in fitted.fields] == [1024, 1024]
    assert (fitted.description or "").endswith("…")
    assert len(fitted.description or "") == 6000 - len("Deck3 left todayAnswerNote") - 2048


def test_a_message_that_fits_is_sent_as_it_is() -> None:
    small = embed_of("T", "d" * 100, [("n", "v")], "f")
    small.colour = discord.Colour.green()
    [fitted] = embeds.fit([small])
    assert fitted.to_dict() == small.to_dict()


def test_add_fields_shows_whole_entries_and_counts_the_rest() -> None:
    embed = discord.Embed(title="Decks")
    entries = [(f"Deck {i}", "v" * 300) for i in range(40)]
    shown = embeds.add_fields(embed, entries, lambda n: f"and {n} more")
    assert shown == len(embed.fields) < 40
    assert all(f.value == "v" * 300 for f in embed.fields)
    assert embed.footer.text == f"and {40 - shown} more"
    assert len(embed) <= text.EMBED_TOTAL


def test_add_fields_stops_at_twenty_five() -> None:
    embed = discord.Embed(title="Decks")
    shown = embeds.add_fields(embed, [(str(i), "v") for i in range(30)], lambda n: f"+{n}")
    assert shown == 25 and embed.footer.text == "+5"
