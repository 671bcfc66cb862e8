"""Study groups' daily question, by job (no Discord types anywhere in it).

- `setup`: what an admin types, checked, and the channel's config;
- `times`: times of day and delays as people type them (오전 9시, 저녁 7시 반, 7pm);
- bot.srs.post_times: when posts and reveals fall (pure; DST gaps found ahead);
- `choice`: which face a post shows;
- `fairness`: which faces a channel can answer fairly, and a basic card asked as a choice;
- `posts`: what is due, claiming a post, the post as shown, skipping, the reveal;
- `answers`: a member's answer, its points, and the review it counts as.

Front ends and jobs import the names from here.
"""

from bot.srs.post_times import DST_LOOKAHEAD_DAYS, local_today, post_instant, skipped_day
from bot.study.daily.answers import (
    FIRST_BONUS,
    FRONT_END,
    POINTS_RIGHT,
    DailyOutcome,
    DailyResponse,
    DailyStatus,
    PickAnswer,
    TextAnswer,
    answer,
    answer_box,
    answer_daily,
    grade_daily,
)
from bot.study.daily.choice import RECENT_POSTS, FaceScore, choose_face, face_scores, post_seed
from bot.study.daily.posts import (
    FIRST_NAMED,
    ClaimedPost,
    DuePlan,
    DueSlot,
    PostView,
    RevealView,
    claim_post,
    due_reveals,
    due_slots,
    mark_failed,
    mark_posted,
    mark_revealed,
    next_wake,
    post_now_slot,
    post_view,
    reveal_view,
    skip_slot,
)
from bot.study.daily.problems import DailySetupError, ProblemKind
from bot.study.daily.setup import (
    DEFAULT_REVEAL_MINUTES,
    MAX_REVEAL_MINUTES,
    MIN_REVEAL_MINUTES,
    ConfigView,
    DailySetup,
    channel_config,
    check_setup,
    configure,
    guild_configs,
    remove,
    set_paused,
)
from bot.study.daily.times import parse_duration_minutes, parse_local_time

__all__ = [
    "DEFAULT_REVEAL_MINUTES",
    "DST_LOOKAHEAD_DAYS",
    "FIRST_BONUS",
    "FIRST_NAMED",
    "FRONT_END",
    "MAX_REVEAL_MINUTES",
    "MIN_REVEAL_MINUTES",
    "POINTS_RIGHT",
    "RECENT_POSTS",
    "ClaimedPost",
    "ConfigView",
    "DailyOutcome",
    "DailyResponse",
    "DailySetup",
    "DailySetupError",
    "DailyStatus",
    "DuePlan",
    "DueSlot",
    "FaceScore",
    "PickAnswer",
    "PostView",
    "ProblemKind",
    "RevealView",
    "TextAnswer",
    "answer",
    "answer_box",
    "answer_daily",
    "channel_config",
    "check_setup",
    "choose_face",
    "claim_post",
    "configure",
    "due_reveals",
    "due_slots",
    "face_scores",
    "grade_daily",
    "guild_configs",
    "local_today",
    "mark_failed",
    "mark_posted",
    "mark_revealed",
    "next_wake",
    "parse_duration_minutes",
    "parse_local_time",
    "post_instant",
    "post_now_slot",
    "post_seed",
    "post_view",
    "remove",
    "reveal_view",
    "set_paused",
    "skip_slot",
    "skipped_day",
]
