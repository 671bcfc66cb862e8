"""SM-2 qualities and FSRS ratings, each into the other (issue 15).

The review log stores SM-2 qualities whichever scheduler is in use, so a log
written under FSRS replays under SM-2 and the other way round.  Qualities
0..2 are all lapses (Again); 3, 4 and 5 are Hard, Good and Easy, which is
exactly what the grade buttons already record (Again=1, Hard=3, Good=4,
Easy=5), so a button press survives the round trip unchanged.
"""

from __future__ import annotations

from fsrs import Rating

from bot.srs.grades import Grade
from bot.srs.sm2 import PASSING_QUALITY, check_quality

_RATING_OF_PASS = {3: Rating.Hard, 4: Rating.Good, 5: Rating.Easy}
_QUALITY_OF_RATING = {
    Rating.Again: int(Grade.AGAIN),
    Rating.Hard: int(Grade.HARD),
    Rating.Good: int(Grade.GOOD),
    Rating.Easy: int(Grade.EASY),
}


def rating_for_quality(quality: int) -> Rating:
    """The FSRS rating of an SM-2 quality: 0-2 Again, 3 Hard, 4 Good, 5 Easy."""
    check_quality(quality)
    if quality < PASSING_QUALITY:
        return Rating.Again
    return _RATING_OF_PASS[quality]


def quality_for_rating(rating: Rating) -> int:
    """The SM-2 quality a button logs for an FSRS rating: Again 1, Hard 3, Good 4, Easy 5."""
    return _QUALITY_OF_RATING[Rating(rating)]
