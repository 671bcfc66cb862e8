"""What a learner is told as a session starts: a backlog and its catch-up, an exam's pace.

Shown above the first card, once per /study, so a learner back from a break
sees at once why today holds only part of what is due and how long catching
up takes, and a learner with an exam why today holds more new cards.
"""

from __future__ import annotations

import discord

from bot.discord import text
from bot.discord.translator import counted, message
from bot.srs.exam import ExamPlan
from bot.study.session import StudyNotices

COLOR_NOTICE = discord.Colour.gold()


def plan_text(plan: ExamPlan, lang: str) -> str:
    """Why today holds the new cards it does, counted by the unseen cards ("your 1 unseen
    card"); the other counts are worded so that any number reads."""
    return counted(plan.reason, lang, plan.cards_left, **plan.message_args())


def notice_lines(notices: StudyNotices, lang: str) -> list[str]:
    lines = []
    if notices.backlog is not None:
        lines.append(message(notices.backlog.reason, lang, **notices.backlog.message_args()))
    for exam in notices.raised:
        plan = plan_text(exam.plan, lang)
        lines.append(f"**{text.one_line(exam.title)}** · {plan}")
    return lines


def notices_embed(notices: StudyNotices, lang: str) -> discord.Embed | None:
    """One embed of everything to tell, or None when there is nothing."""
    lines = notice_lines(notices, lang)
    if not lines:
        return None
    return discord.Embed(description=text.cut("\n".join(lines), text.EMBED_DESCRIPTION),
                         colour=COLOR_NOTICE)
