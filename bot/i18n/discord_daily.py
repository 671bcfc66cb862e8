"""Messages of the study-group commands: /daily, /leaderboard, /streak, /remind (ko, en).

Keys under ``cmd.`` are slash command names, descriptions and options (see
bot.discord.translator's key scheme); ``daily.choice.*`` are named explicitly
by the cog.  The rest is what the daily post, its reveal, the feedback to a
member, and the reminder DM say.  Times inside texts are Discord timestamps
(``<t:…>``), which every reader's client shows in their own local time.  A
channel is a mention (``<#…>``) whose shown name we do not know, so no
particle follows one directly ("{channel} 채널은", not "{channel}은").
"""

from __future__ import annotations

from bot.i18n.messages import Table

MESSAGES: Table = {
    # -- slash commands ----------------------------------------------------------------------
    "cmd.daily.name": {"ko": "오늘의문제", "en": "daily"},
    "cmd.daily.description": {
        "ko": "채널에 매일 한 문제를 올려요 (서버 관리 권한 필요)",
        "en": "Post one question a day in a channel (Manage Server)",
    },
    "cmd.daily.setup.name": {"ko": "설정", "en": "setup"},
    "cmd.daily.setup.description": {
        "ko": "채널, 덱, 시각을 골라 오늘의 문제를 시작해요",
        "en": "Pick a channel, a deck and a time for the daily question",
    },
    "cmd.daily.setup.opt.channel.name": {"ko": "채널", "en": "channel"},
    "cmd.daily.setup.opt.channel.description": {
        "ko": "문제를 올릴 채널",
        "en": "Where to post the question",
    },
    "cmd.daily.setup.opt.deck.name": {"ko": "덱", "en": "deck"},
    "cmd.daily.setup.opt.deck.description": {
        "ko": "문제를 뽑을 덱",
        "en": "The deck the questions come from",
    },
    "cmd.daily.setup.opt.time.name": {"ko": "시각", "en": "time"},
    "cmd.daily.setup.opt.time.description": {
        "ko": "올릴 시각, 예: 09:00, 오전 9시, 저녁 7시 반",
        "en": "Local time to post, e.g. 09:00, 9am, 7:30 pm",
    },
    "cmd.daily.setup.opt.timezone.name": {"ko": "시간대", "en": "timezone"},
    "cmd.daily.setup.opt.timezone.description": {
        "ko": "그 시각의 기준 시간대 (비우면 봇의 시간대)",
        "en": "Time zone of that time (default: the bot's)",
    },
    "cmd.daily.setup.opt.reveal_after.name": {"ko": "공개-시간", "en": "reveal_after"},
    "cmd.daily.setup.opt.reveal_after.description": {
        "ko": "문제를 올리고 정답을 공개하기까지의 시간, 예: 8시간, 90분 (기본 8시간)",
        "en": "How long until the answer is revealed, e.g. 8h, 90m (default 8h)",
    },
    "cmd.daily.status.name": {"ko": "상태", "en": "status"},
    "cmd.daily.status.description": {
        "ko": "이 서버의 오늘의 문제 설정과 다음 일정을 봐요",
        "en": "This server's daily questions and what comes next",
    },
    "cmd.daily.pause.name": {"ko": "일시정지", "en": "pause"},
    "cmd.daily.pause.description": {
        "ko": "이 채널의 오늘의 문제를 잠시 멈춰요",
        "en": "Pause the daily question in this channel",
    },
    "cmd.daily.resume.name": {"ko": "재개", "en": "resume"},
    "cmd.daily.resume.description": {
        "ko": "멈춘 오늘의 문제를 다시 시작해요",
        "en": "Resume the daily question in this channel",
    },
    "cmd.daily.remove.name": {"ko": "삭제", "en": "remove"},
    "cmd.daily.remove.description": {
        "ko": "이 채널의 오늘의 문제를 없애요 (기록은 남아요)",
        "en": "Stop the daily question in this channel (history stays)",
    },
    "cmd.daily.post-now.name": {"ko": "지금-올리기", "en": "post-now"},
    "cmd.daily.post-now.description": {
        "ko": "오늘의 문제를 지금 바로 올려 봐요",
        "en": "Post today's question right now (to try it out)",
    },
    "cmd.leaderboard.name": {"ko": "순위표", "en": "leaderboard"},
    "cmd.leaderboard.description": {
        "ko": "이 채널의 오늘의 문제 점수, 정답률, 연속 기록을 봐요",
        "en": "Points, correct rate and streaks of this channel's daily question",
    },
    "cmd.leaderboard.opt.period.name": {"ko": "기간", "en": "period"},
    "cmd.leaderboard.opt.period.description": {
        "ko": "어느 기간의 점수를 볼지",
        "en": "Which period to count",
    },
    "daily.choice.week": {"ko": "최근 7일", "en": "Last 7 days"},
    "daily.choice.month": {"ko": "최근 30일", "en": "Last 30 days"},
    "daily.choice.all": {"ko": "전체", "en": "All time"},
    "cmd.streak.name": {"ko": "연속기록", "en": "streak"},
    "cmd.streak.description": {
        "ko": "오늘의 문제를 며칠 연속으로 맞혔는지 봐요",
        "en": "How many days in a row you got the daily question right",
    },
    "cmd.remind.name": {"ko": "알림", "en": "remind"},
    "cmd.remind.description": {
        "ko": "복습할 카드가 있을 때 하루 한 번 DM으로 알려 줘요",
        "en": "A daily DM when cards are due",
    },
    "cmd.remind.on.name": {"ko": "켜기", "en": "on"},
    "cmd.remind.on.description": {
        "ko": "복습 알림을 켜요",
        "en": "Turn the daily reminder on",
    },
    "cmd.remind.on.opt.time.name": {"ko": "시각", "en": "time"},
    "cmd.remind.on.opt.time.description": {
        "ko": "내 시간대 기준 알림 시각, 예: 19:00, 저녁 7시",
        "en": "Your local time for it, e.g. 19:00, 7pm",
    },
    "cmd.remind.off.name": {"ko": "끄기", "en": "off"},
    "cmd.remind.off.description": {
        "ko": "복습 알림을 꺼요",
        "en": "Turn the daily reminder off",
    },
    # -- admin replies -----------------------------------------------------------------------
    "daily.refuse.manage_guild": {
        "ko": "이 명령은 서버 관리 권한이 있는 사람만 쓸 수 있어요.",
        "en": "Only members with the Manage Server permission can use this command.",
    },
    "daily.refuse.guild_only": {
        "ko": "오늘의 문제는 서버 채널에서만 설정할 수 있어요.",
        "en": "Daily questions are set up in a server channel.",
    },
    "daily.setup.not_text": {
        "ko": "{channel} 채널은 제가 글을 올릴 수 있는 텍스트 채널이 아니에요.",
        "en": "{channel} is not a text channel I can post in.",
    },
    "daily.setup.cannot_post": {
        "ko": "{channel} 채널에 제가 글을 올릴 수 없어요. 채널 권한에서 채널 보기, "
        "메시지 보내기, 링크 첨부를 허용해 주세요.",
        "en": "I cannot post in {channel}. Let me View Channel, Send Messages and "
        "Embed Links there.",
    },
    "daily.setup.unknown_deck": {
        "ko": "'{value}' 덱을 찾을 수 없어요. 덱 목록은 {/decks:`으로} 볼 수 있어요.",
        "en": "There is no deck '{value}'. `{/decks}` lists the decks.",
    },
    "daily.setup.empty_deck": {
        "ko": "'{value}' 덱에는 낼 수 있는 카드가 없어요.",
        "en": "The deck '{value}' has no cards to ask.",
    },
    "daily.setup.no_fair_card": {
        "ko": "'{value}' 덱에는 채널에서 공정하게 낼 수 있는 카드가 없어요. 채널에서는 "
        "스스로 평가할 수 없어서 객관식, 주관식, 빈칸이 짧은 빈칸 카드만 내고, 기본 카드는 "
        "같은 종류의 질문을 하는 카드가 세 장 이상 있을 때만 보기로 바꿔 내요.",
        "en": "The deck '{value}' has no card a channel can answer fairly. Nobody grades "
        "themselves in a channel, so only choice cards, typed cards, cloze cards with a short "
        "blank, and basic cards with at least two others asking the same kind of question "
        "(asked as a choice) are posted.",
    },
    "daily.setup.unknown_zone": {
        "ko": "{value:'은} 알 수 없는 시간대예요. Asia/Seoul처럼 적어 주세요.",
        "en": "'{value}' is not a time zone I know. Try one like Asia/Seoul.",
    },
    "daily.setup.bad_time": {
        "ko": "{value:'은} 시각으로 읽을 수 없어요. `09:00`, `21:30`, `9시 30분`, `오전 9시`, "
        "`저녁 7시 반`, `정오`, `7pm`처럼 적어 주세요.",
        "en": "'{value}' is not a time of day I can read. Write it like `09:00`, `21:30`, "
        "`9am`, `7:30 pm` or `noon`.",
    },
    "daily.setup.skipped_time": {
        "ko": "{zone}에서는 {value}에 서머타임으로 시계가 건너뛰어서 그날 {time} 시각이 "
        "없어요. 다른 시각을 골라 주세요.",
        "en": "{time} does not exist in {zone} on {value}: the clocks skip it for daylight "
        "saving time. Please pick another time.",
    },
    "daily.setup.bad_reveal": {
        "ko": "정답은 문제를 올리고 1분에서 23시간 사이에 공개할 수 있어요 (예: 8시간, 90분).",
        "en": "The reveal must come between 1 minute and 23 hours after the post (e.g. 8h, 90m).",
    },
    "daily.setup.done": {
        "ko": "{channel} 채널에 매일 {time}({zone}) '{deck}' 덱에서 한 문제를 올리고, "
        "{reveal} 뒤에 정답을 공개할게요.",
        "en": "Every day at {time} ({zone}) I will post a question from '{deck}' in {channel} "
        "and reveal the answer {reveal} later.",
    },
    "daily.setup.next": {
        "ko": "첫 문제: {when}",
        "en": "First question: {when}",
    },
    "daily.status.title": {"ko": "오늘의 문제", "en": "Daily questions"},
    "daily.status.none": {
        "ko": "이 서버에는 아직 오늘의 문제가 없어요. {/daily setup:`으로} 시작해 보세요.",
        "en": "No daily question in this server yet. Start one with `{/daily setup}`.",
    },
    "daily.status.line": {
        "ko": "'{deck}' · 매일 {time} ({zone}) · 공개: {reveal} 뒤",
        "en": "'{deck}' · every day at {time} ({zone}) · reveal {reveal} later",
    },
    "daily.status.next_post": {"ko": "다음 문제: {when}", "en": "Next question: {when}"},
    "daily.status.next_reveal": {"ko": "다음 공개: {when}", "en": "Next reveal: {when}"},
    "daily.status.paused": {"ko": "⏸ 일시정지됨", "en": "⏸ paused"},
    "daily.status.more": {"ko": "…외에 채널 {n}개가 더 있어요.", "en": "…and {n} more channels."},
    "daily.status.more.one": {
        "ko": "…외에 채널 {n}개가 더 있어요.",
        "en": "…and {n} more channel.",
    },
    "daily.paused": {
        "ko": "이 채널의 오늘의 문제를 멈췄어요. {/daily resume:`으로} 다시 시작할 수 있어요.",
        "en": "The daily question here is paused. `{/daily resume}` starts it again.",
    },
    "daily.resumed": {
        "ko": "이 채널의 오늘의 문제를 다시 시작했어요.",
        "en": "The daily question here is back on.",
    },
    "daily.removed": {
        "ko": "이 채널의 오늘의 문제를 없앴어요. 순위표 기록은 남아 있어요.",
        "en": "The daily question here is removed. Its leaderboard history stays.",
    },
    "daily.not_configured": {
        "ko": "이 채널에는 오늘의 문제가 없어요.",
        "en": "This channel has no daily question.",
    },
    "daily.post_now.done": {
        "ko": "오늘의 문제를 올렸어요. 정답 공개: {when}",
        "en": "Today's question is posted. Answer reveal: {when}",
    },
    "daily.post_now.taken": {
        "ko": "이 채널에는 오늘 문제가 이미 올라왔어요.",
        "en": "Today's question in this channel has already been posted.",
    },
    "daily.post_now.failed": {
        "ko": "문제를 올리지 못했어요. 채널 권한을 확인해 주세요.",
        "en": "I could not post the question. Please check the channel's permissions.",
    },
    # -- the post and its reveal -------------------------------------------------------------
    "daily.post.title": {"ko": "오늘의 문제 · {deck}", "en": "Daily question · {deck}"},
    "daily.post.how": {
        "ko": "아래 버튼으로 답해 보세요. 결과는 답한 사람에게만 보이고, 한 사람당 한 번만 "
        "답할 수 있어요.",
        "en": "Answer with the buttons below; only you see the result. One answer each.",
    },
    # The value is a time to come: a name, not a past tense.
    "daily.post.reveal_at": {"ko": "정답 공개", "en": "Answer reveal"},
    "daily.post.answer_button": {"ko": "답하기", "en": "Answer"},
    "daily.modal.title": {"ko": "오늘의 문제 답하기", "en": "Your answer"},
    "daily.modal.label": {"ko": "답", "en": "Answer"},
    "daily.reveal.title": {
        "ko": "오늘의 문제 · {deck} · 정답 공개",
        "en": "Daily question · {deck} · answer",
    },
    "daily.reveal.answer": {"ko": "정답", "en": "Answer"},
    "daily.reveal.extra": {"ko": "설명", "en": "More"},
    "daily.reveal.results": {"ko": "결과", "en": "Results"},
    "daily.reveal.figures": {
        "ko": "{n}명이 답했고 정답률은 {rate}%예요.",
        "en": "{n} answered, {rate}% right.",
    },
    "daily.reveal.figures.one": {
        "ko": "1명이 답했어요 (정답률 {rate}%).",
        "en": "1 answered, {rate}% right.",
    },
    "daily.reveal.nobody": {"ko": "아무도 답하지 않았어요.", "en": "Nobody answered."},
    "daily.reveal.first": {"ko": "가장 먼저 맞힌 사람", "en": "First right"},
    "daily.reveal.closed": {
        "ko": "정답이 공개됐어요. 지금 누르면 정답만 보여 드려요 (점수 없음).",
        "en": "Revealed. A click now shows the answer, without points.",
    },
    # -- feedback to a member (ephemeral) ----------------------------------------------------
    "daily.feedback.right": {
        "ko": "정답이에요! +{points}점",
        "en": "Right! +{points} points",
    },
    "daily.feedback.wrong": {
        "ko": "아쉽지만 틀렸어요. 정답은 공개 때 알려 드릴게요.",
        "en": "Not this time. The answer comes with the reveal.",
    },
    "daily.feedback.almost": {
        "ko": "아깝네요, 거의 맞았지만 오답으로 셌어요. 정답은 공개 때 알려 드릴게요.",
        "en": "So close, but it counts as wrong. The answer comes with the reveal.",
    },
    "daily.feedback.reviewed": {
        "ko": "이 카드의 오늘 복습으로도 기록했어요.",
        "en": "Also counted as your review of this card.",
    },
    "daily.feedback.already_right": {
        "ko": "이미 답한 문제예요 (정답). 다시 답해도 결과는 바뀌지 않아요.",
        "en": "You already answered (right). A second answer changes nothing.",
    },
    "daily.feedback.already_wrong": {
        "ko": "이미 답한 문제예요 (오답). 다시 답해도 결과는 바뀌지 않아요.",
        "en": "You already answered (wrong). A second answer changes nothing.",
    },
    "daily.feedback.late": {
        "ko": "이미 정답이 공개된 문제예요. 정답: {answer} (지금은 점수가 없어요)",
        "en": "This question has been revealed. Answer: {answer} (no points now)",
    },
    "daily.feedback.answer_is": {"ko": "정답: {answer}", "en": "Answer: {answer}"},
    "daily.feedback.gone": {
        "ko": "이 문제는 더 이상 답할 수 없어요.",
        "en": "This question can no longer be answered.",
    },
    # -- leaderboard and streak --------------------------------------------------------------
    "leaderboard.title": {"ko": "순위표 · {period}", "en": "Leaderboard · {period}"},
    "leaderboard.row": {
        "ko": "**{rank}.** <@{user}> — {points}점 · 정답률 {rate}% ({correct}/{answered}) · "
        "연속 정답 {streak}일",
        "en": "**{rank}.** <@{user}> — {points} pts · {rate}% right ({correct}/{answered}) · "
        "{streak}-day streak",
    },
    "leaderboard.empty": {
        "ko": "이 기간에는 이 채널의 오늘의 문제에 답한 사람이 없어요.",
        "en": "Nobody answered this channel's daily question in this period.",
    },
    "leaderboard.elsewhere": {
        "ko": "이 채널에는 오늘의 문제가 없어요. 순위표는 오늘의 문제가 올라오는 채널에서 "
        "{/leaderboard:`으로} 볼 수 있어요: {channels}",
        "en": "This channel has no daily question. Use `{/leaderboard}` in the channel where "
        "it is posted: {channels}",
    },
    "leaderboard.no_daily": {
        "ko": "이 서버에는 아직 오늘의 문제가 없어요. 관리자가 {/daily setup:`으로} 시작할 수 "
        "있어요.",
        "en": "This server has no daily question yet. An admin can start one with "
        "`{/daily setup}`.",
    },
    # /streak counts right daily answers; /stats also shows the study streak (days with a
    # review). Each names which one it is and where the other one is.
    "streak.title": {"ko": "오늘의 문제 연속 정답", "en": "Your daily-question streak"},
    "streak.body": {
        "ko": "오늘의 문제를 연속으로 맞힌 날: {current}일 (최고 {best}일)\n"
        "맞힌 날 {days}일 · 답한 문제 {answered}개 · {points}점",
        "en": "Days in a row with a right daily answer: {current} (best: {best})\n"
        "Days right: {days} · questions answered: {answered} · points: {points}",
    },
    "streak.none": {
        "ko": "아직 오늘의 문제에 답한 적이 없어요.",
        "en": "You have not answered a daily question yet.",
    },
    "streak.study_streak_hint": {
        "ko": "카드를 복습한 날이 며칠 이어졌는지(연속 학습)는 {/stats}에서 볼 수 있어요.",
        "en": "Your study streak (days in a row you reviewed cards) is in {/stats}.",
    },
    # -- /help's section on study groups ----------------------------------------------------
    "help.daily.name": {
        "ko": "👥 오늘의 문제 (스터디 그룹)",
        "en": "👥 Daily question (study groups)",
    },
    "help.daily.value": {
        "ko": "관리자가 `{/daily setup}`에서 채널, 덱, 시각(`09:00`, `오전 9시`, `저녁 7시 반`, "
        "`7pm`)을 고르면 매일 한 문제가 올라와요. 보기 버튼이나 **답하기** 버튼으로 한 번만 "
        "답할 수 있고, 결과는 나에게만 보여요.\n"
        "채널에서는 스스로 평가하지 않으니 객관식, 주관식, 빈칸이 짧은 빈칸 카드만 내요. "
        "기본 카드는 같은 덱에서 같은 종류의 질문에 대한 다른 답들을 보기로 섞어 물어봐요.\n"
        "내가 공부하는 덱의 오늘 복습할 카드라면 복습으로도 기록돼요. 점수와 순위는 문제가 "
        "올라오는 채널에서 {/leaderboard:`으로}, 내 연속 정답은 {/streak:`으로} 볼 수 있어요.",
        "en": "An admin picks a channel, a deck and a time (`09:00`, `9am`, `7:30 pm`) with "
        "`{/daily setup}`, and a question is posted every day. Answer once, with the option "
        "buttons or **Answer**; only you see the result.\n"
        "Nobody grades themselves in a channel, so only choice, typed and short-blank cloze "
        "cards are asked, and a basic card comes as options: its answer among the deck's "
        "answers to the same kind of question.\n"
        "When the card is due in a deck you study, your answer is also your review. Points "
        "and ranks: `{/leaderboard}` in the question's channel; your streak: `{/streak}`.",
    },
    # -- reminders ---------------------------------------------------------------------------
    "remind.on": {
        "ko": "매일 {time}({zone})에 복습할 카드가 있으면 DM으로 한 번 알려 드릴게요. "
        "다음 알림: {next}",
        "en": "I will DM you once a day at {time} ({zone}) when cards are due. Next: {next}",
    },
    "remind.off": {"ko": "복습 알림을 껐어요.", "en": "Reminders are off."},
    "remind.bad_time": {
        "ko": "{value:'은} 시각으로 읽을 수 없어요. `19:00`, `7시 30분`, `저녁 7시`, "
        "`오전 8시 반`, `7pm`처럼 적어 주세요.",
        "en": "'{value}' is not a time of day I can read. Write it like `19:00`, `7pm`, "
        "`8:30 am` or `noon`.",
    },
    "remind.dm.title": {"ko": "복습할 시간이에요", "en": "Time to review"},
    "remind.dm.body": {
        "ko": "오늘 남은 카드 {cards:이} 기다리고 있어요 ({split}).",
        "en": "{cards} are waiting for you today ({split}).",
    },
    "remind.dm.body.one": {
        "ko": "오늘 남은 카드 {cards:이} 기다리고 있어요 ({split}).",
        "en": "{cards} is waiting for you today ({split}).",
    },
    "remind.dm.study_now": {"ko": "지금 공부하기", "en": "Study now"},
    "remind.nothing_due": {
        "ko": "지금은 복습할 카드가 없어요. 잘하고 있어요!",
        "en": "Nothing is due right now. Well done!",
    },
    "remind.notice.dms_closed": {
        "ko": "DM이 닫혀 있어서 복습 알림을 보낼 수 없었어요. 알림은 꺼 두었어요. "
        "DM을 연 뒤 {/remind on:`으로} 다시 켤 수 있어요.",
        "en": "Your DMs are closed, so I could not send your reminder and turned reminders "
        "off. Open your DMs and use `{/remind on}` to turn them back on.",
    },
}
