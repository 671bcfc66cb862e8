"""Why a channel's daily question could not be set up, as data each front end words."""

from __future__ import annotations

from enum import StrEnum


class ProblemKind(StrEnum):
    UNKNOWN_DECK = "unknown_deck"
    EMPTY_DECK = "empty_deck"
    NO_FAIR_CARD = "no_fair_card"  # no face a channel can answer fairly (see fairness)
    UNKNOWN_ZONE = "unknown_zone"
    BAD_TIME = "bad_time"
    SKIPPED_TIME = "skipped_time"  # the wall time does not exist on some day (DST)
    BAD_REVEAL = "bad_reveal"


class DailySetupError(ValueError):
    """Why a configuration was refused; ``detail`` names the value (or the DST date)."""

    def __init__(self, kind: ProblemKind, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail
