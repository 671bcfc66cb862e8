"""The emulator refuses what Discord refuses (400, 50035), so the bot's tests cannot pass on a
message the real Discord would reject: each published limit, just over and just at it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.emulator.validation import message_problems


def embed(**parts: Any) -> dict[str, Any]:
    return {"type": "rich", **parts}


def field(name: str = "n", value: str = "v") -> dict[str, str]:
    return {"name": name, "value": value}


def buttons(rows: int, per_row: int, custom_id: str | None = None) -> list[dict[str, Any]]:
    return [{"type": 1, "components": [{"type": 2, "style": 2, "label": "x",
                                        "custom_id": custom_id or f"b{r}-{i}"}
                                       for i in range(per_row)]} for r in range(rows)]


OVER = [
    ("six thousand in all", {"embeds": [embed(description="d" * 4096),
                                        embed(description="d" * 1000, title="t" * 256,
                                              fields=[field("n" * 256, "v" * 400)])]}),
    ("footer counts", {"embeds": [embed(description="d" * 4096, footer={"text": "f" * 1905})]}),
    ("26 fields", {"embeds": [embed(fields=[field() for _ in range(26)])]}),
    ("title", {"embeds": [embed(title="t" * 257)]}),
    ("description", {"embeds": [embed(description="d" * 4097)]}),
    ("field name", {"embeds": [embed(fields=[field("n" * 257)])]}),
    ("field value", {"embeds": [embed(fields=[field(value="v" * 1025)])]}),
    ("empty field value", {"embeds": [embed(fields=[field(value="")])]}),
    ("11 embeds", {"embeds": [embed(title="t") for _ in range(11)]}),
    ("custom_id", {"components": buttons(1, 1, "c" * 101)}),
    ("six rows", {"components": buttons(6, 1)}),
    ("six in a row", {"components": buttons(1, 6)}),
    ("content", {"content": "x" * 2001}),
]

AT = [
    ("six thousand exactly", {"embeds": [embed(description="d" * 4096, title="t" * 256,
                                               fields=[field("n" * 256, "v" * 1024)],
                                               footer={"text": "f" * 368})]}),
    ("25 fields", {"embeds": [embed(fields=[field() for _ in range(25)])]}),
    ("5 rows of 5", {"components": buttons(5, 5)}),
    ("custom_id of 100", {"components": buttons(1, 1, "c" * 100)}),
]


@pytest.mark.parametrize(("case", "body"), OVER, ids=[c for c, _ in OVER])
def test_over_a_limit_is_refused(case: str, body: dict[str, Any]) -> None:
    assert message_problems(body), case


@pytest.mark.parametrize(("case", "body"), AT, ids=[c for c, _ in AT])
def test_at_a_limit_is_accepted(case: str, body: dict[str, Any]) -> None:
    assert message_problems(body) == {}, case
