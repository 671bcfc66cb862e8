"""Messages of the Discord /decks, /settings, /stats and /help commands (ko, en).

Keys under ``cmd.`` are slash command names, descriptions and options, found by
bot.discord.translator's key scheme; the rest are what the commands say.  Texts
that name a command write it as ``{/study}``, ``{/decks}``, ...: the catalogue
fills in the name the learner's client shows (``/학습`` in Korean), so a guide
never tells a Korean learner to type a command their menu does not list.
"""

from __future__ import annotations

from bot.i18n.messages import Table

MESSAGES: Table = {
    # -- slash commands (Korean localizations; the English is in the code) -----
    "cmd.decks.name": {"ko": "덱", "en": "decks"},
    "cmd.decks.description": {
        "ko": "덱 목록을 보고 공부할 덱에 참여하거나 나가요",
        "en": "List the decks and join or leave one",
    },
    "cmd.settings.name": {"ko": "설정", "en": "settings"},
    "cmd.settings.description": {
        "ko": "시간대, 언어, 하루 카드 수, 스케줄러를 보거나 바꿔요",
        "en": "Show or change your time zone, language, daily limits and scheduler",
    },
    "cmd.settings.opt.timezone.name": {"ko": "시간대", "en": "timezone"},
    "cmd.settings.opt.timezone.description": {
        "ko": "사는 곳의 시간대 (예: Asia/Seoul)",
        "en": "Your time zone (e.g. Asia/Seoul)",
    },
    "cmd.settings.opt.language.name": {"ko": "언어", "en": "language"},
    "cmd.settings.opt.language.description": {
        "ko": "봇이 말할 언어",
        "en": "The language the bot talks to you in",
    },
    "cmd.settings.opt.new_per_day.name": {"ko": "하루-새-카드", "en": "new_per_day"},
    "cmd.settings.opt.new_per_day.description": {
        "ko": "하루에 새로 배울 카드 수 (0–1000)",
        "en": "New cards per day (0–1000)",
    },
    "cmd.settings.opt.reviews_per_day.name": {"ko": "하루-복습", "en": "reviews_per_day"},
    "cmd.settings.opt.reviews_per_day.description": {
        "ko": "하루에 복습할 카드 수 (0–10000)",
        "en": "Reviews per day (0–10000)",
    },
    "cmd.settings.opt.rollover_hour.name": {"ko": "하루-시작-시각", "en": "rollover_hour"},
    "cmd.settings.opt.rollover_hour.description": {
        "ko": "새 학습일이 시작되는 시각 (0–23시)",
        "en": "Hour your study day starts (0–23)",
    },
    "settings.choice.ko": {"ko": "한국어", "en": "Korean (한국어)"},
    "settings.choice.en": {"ko": "영어 (English)", "en": "English"},
    "settings.choice.auto": {"ko": "Discord 언어 따르기", "en": "Follow my Discord language"},
    "cmd.stats.name": {"ko": "통계", "en": "stats"},
    "cmd.stats.description": {
        "ko": "내 학습 통계와 앞으로의 복습 일정을 봐요",
        "en": "Your study stats and what falls due next",
    },
    "cmd.help.name": {"ko": "도움말", "en": "help"},
    "cmd.help.description": {
        "ko": "봇 사용법을 알려줘요",
        "en": "How to study with this bot",
    },
    # -- shared ------------------------------------------------------------------
    "cogs.not_yours": {
        "ko": "다른 사람이 연 화면이라 이 버튼은 쓸 수 없어요. 같은 명령어를 직접 입력해 보세요.",
        "en": "These buttons belong to someone else. Run the command yourself.",
    },
    "cogs.error": {
        "ko": "앗, 문제가 생겼어요. 잠시 뒤에 다시 해 보세요.",
        "en": "Sorry, something went wrong. Please try again in a moment.",
    },
    # -- /decks ------------------------------------------------------------------
    "decks.title": {"ko": "덱 목록", "en": "Decks"},
    "decks.intro": {
        "ko": "아래 버튼으로 덱에 참여하거나 나갈 수 있어요. 나가도 학습 기록은 남아 있어요.",
        "en": "Use the buttons to join or leave a deck. Leaving keeps your history.",
    },
    "decks.none": {
        "ko": "아직 불러온 덱이 없어요. 관리자에게 덱을 추가해 달라고 해 보세요.",
        "en": "No decks are loaded yet. Ask a maintainer to add one.",
    },
    "decks.entry": {
        "ko": "`{deck_id}` · 카드 {cards}장 · 복습 항목 {faces}개\n{status}",
        "en": "`{deck_id}` · {cards} cards · {faces} items to review\n{status}",
    },
    "decks.studying": {"ko": "✅ 공부 중", "en": "✅ Studying"},
    "decks.not_studying": {"ko": "➕ 아직 참여하지 않았어요", "en": "➕ Not joined"},
    "decks.more": {
        "ko": "덱이 많아 처음 {shown}개만 보여요 (전체 {total}개).",
        "en": "Showing the first {shown} of {total} decks.",
    },
    "decks.button.join": {"ko": "참여: {title}", "en": "Join: {title}"},
    "decks.button.leave": {"ko": "나가기: {title}", "en": "Leave: {title}"},
    "decks.joined": {
        "ko": "**{title}** 덱에 참여했어요. `{/study}` 명령으로 바로 시작해 보세요!",
        "en": "You joined **{title}**. Start with `{/study}`!",
    },
    "decks.already_joined": {
        "ko": "이미 **{title}** 덱을 공부하고 있어요.",
        "en": "You already study **{title}**.",
    },
    "decks.left": {
        "ko": "**{title}** 덱에서 나갔어요. 다시 참여하면 기록을 이어서 공부할 수 있어요.",
        "en": "You left **{title}**. Rejoin any time to pick up where you stopped.",
    },
    "decks.not_joined": {
        "ko": "**{title}** 덱은 공부하고 있지 않아요.",
        "en": "You were not studying **{title}**.",
    },
    "decks.unknown": {
        "ko": "그 덱은 더 이상 없어요. `{/decks}` 명령으로 목록을 다시 열어 보세요.",
        "en": "That deck no longer exists. Open `{/decks}` again.",
    },
    # -- /settings ---------------------------------------------------------------
    "settings.title": {"ko": "내 설정", "en": "Your settings"},
    "settings.saved_title": {"ko": "설정을 저장했어요", "en": "Settings saved"},
    "settings.field.timezone": {"ko": "시간대", "en": "Time zone"},
    "settings.field.language": {"ko": "언어", "en": "Language"},
    "settings.field.new_per_day": {"ko": "하루 새 카드", "en": "New cards per day"},
    "settings.field.reviews_per_day": {"ko": "하루 복습", "en": "Reviews per day"},
    "settings.field.rollover_hour": {"ko": "하루 시작 시각", "en": "Study day starts at"},
    "settings.value.timezone": {
        "ko": "{zone} (지금 {time})",
        "en": "{zone} (now {time})",
    },
    "settings.value.language.ko": {"ko": "한국어", "en": "Korean"},
    "settings.value.language.en": {"ko": "영어", "en": "English"},
    "settings.value.language.auto": {
        "ko": "Discord 언어 따르기 (지금: {current})",
        "en": "Follow Discord (now: {current})",
    },
    "settings.value.cards": {"ko": "{n}장", "en": "{n}"},
    "settings.value.hour": {"ko": "{hour:02d}:00", "en": "{hour:02d}:00"},
    "settings.hint": {
        "ko": "바꾸려면 {/settings} 명령에 옵션을 붙여 보내세요. 예: {/settings} {new_per_day}:10",
        "en": "To change something, add options: e.g. {/settings} {new_per_day}:10",
    },
    "settings.error.title": {
        "ko": "설정을 저장하지 못했어요",
        "en": "Nothing was saved",
    },
    "settings.error.footer": {
        "ko": "잘못된 값을 고쳐서 다시 보내 주세요. 다른 값도 저장되지 않았어요.",
        "en": "Fix the value and send the command again; none of the changes were saved.",
    },
    "settings.error.zone": {
        "ko": "알 수 없는 시간대예요: `{value}`. 혹시 이 중 하나인가요? {suggestions}",
        "en": "`{value}` is not a time zone I know. Did you mean: {suggestions}?",
    },
    "settings.error.zone_no_match": {
        "ko": "알 수 없는 시간대예요: `{value}`. `Asia/Seoul`처럼 입력해 주세요.",
        "en": "`{value}` is not a time zone I know. Use a name like `Europe/London`.",
    },
    "settings.error.language": {
        "ko": "지원하지 않는 언어예요: `{value}`. 한국어(ko)나 영어(en)를 골라 주세요.",
        "en": "`{value}` is not a language I speak. Pick Korean (ko) or English (en).",
    },
    "settings.error.range": {
        "ko": "{field}: {low}부터 {high}까지의 값만 쓸 수 있어요. (입력한 값: {value})",
        "en": "{field} must be between {low} and {high} (you sent {value}).",
    },
    # -- /stats ------------------------------------------------------------------
    "stats.title": {"ko": "{name}님의 학습 통계", "en": "{name}'s study stats"},
    "stats.left_today": {"ko": "오늘 남은 카드", "en": "Left today"},
    "stats.due_week": {"ko": "7일 안에 복습할 카드", "en": "Due in the next 7 days"},
    "stats.reviews_30": {"ko": "최근 30일 복습", "en": "Reviews (30 days)"},
    "stats.reviews_30.value": {
        "ko": "{n}번 · 정답률 {rate}",
        "en": "{n} · {rate} correct",
    },
    # Two streaks, never called by the same name: days in a row with a review
    # (the study streak) and days in a row with a right daily-question answer.
    "stats.streak": {"ko": "연속 학습", "en": "Study streak"},
    "stats.streak.value": {"ko": "{n}일", "en": "{n} days"},
    "stats.streak.value.one": {"ko": "{n}일", "en": "{n} day"},
    "stats.daily_streak": {"ko": "오늘의 문제 연속 정답", "en": "Daily-question streak"},
    "stats.daily_streak.none": {"ko": "아직 없어요", "en": "none yet"},
    "stats.faces_seen": {"ko": "지금까지 본 카드", "en": "Cards seen"},
    "stats.footer": {
        "ko": "기준: {today} · {zone} · 하루는 {hour:02d}:00에 시작",
        "en": "As of {today} · {zone} · days start at {hour:02d}:00",
    },
    "stats.no_decks": {
        "ko": "아직 공부 중인 덱이 없어요. `{/decks}`에서 덱에 참여해 보세요.",
        "en": "You are not studying any deck yet. Join one with `{/decks}`.",
    },
    "stats.chart_failed": {
        "ko": "그래프를 그리지 못했어요. 숫자는 위에 있어요.",
        "en": "The chart could not be drawn; the numbers are above.",
    },
    "stats.chart.forecast_title": {
        "ko": "앞으로 {days}일 동안 복습할 카드",
        "en": "Cards due in the next {days} days",
    },
    "stats.chart.history_title": {
        "ko": "최근 {days}일 복습 수와 정답률",
        "en": "Reviews and correct rate, last {days} days",
    },
    "stats.chart.cards": {"ko": "카드", "en": "cards"},
    "stats.chart.reviews": {"ko": "복습", "en": "reviews"},
    "stats.chart.correct_rate": {"ko": "정답률", "en": "correct rate"},
    "stats.chart.nothing_due": {"ko": "예정된 복습이 없어요", "en": "nothing due"},
    "stats.chart.no_reviews": {"ko": "아직 복습 기록이 없어요", "en": "no reviews yet"},
    # -- /help -------------------------------------------------------------------
    "help.title": {"ko": "studybot 사용법", "en": "How studybot works"},
    "help.intro": {
        "ko": "노트로 만든 플래시카드를 잊어버릴 때쯤 다시 보여 줘서 오래 기억하게 도와줘요.",
        "en": "Flashcards made from study notes, shown again just before you would forget them.",
    },
    "help.how.name": {"ko": "📚 공부하는 방법", "en": "📚 Studying"},
    "help.how.value": {
        "ko": "1. `{/study}` 명령을 보내요. 처음이라면 어떤 덱을 공부할지 물어봐요 "
        "(덱이 하나뿐이면 바로 시작해요). 덱은 `{/decks}`에서 더하거나 뺄 수 있어요.\n"
        "2. 오늘 공부할 카드가 DM으로 와요. 한 카드의 다른 면이나 같은 내용에서 나온 카드는 "
        "서로 답을 알려 주니까, 하나에 답하면 나머지는 다음 날 나와요.\n"
        "3. 답을 떠올린 뒤 **{show}** 버튼을 누르고, 얼마나 잘 기억했는지 골라요.\n"
        "객관식은 보기를 누르고, 주관식은 **{type}** 버튼을 눌러 직접 입력해요.",
        "en": "1. Send `{/study}`. The first time, it asks which deck to study (with only "
        "one deck, it just starts); `{/decks}` adds or removes decks.\n"
        "2. Today's cards arrive in your DMs. Cards that give each other away (the faces of "
        "one card, cards from the same passage) wait for another day once you answer one.\n"
        "3. Recall the answer, press **{show}**, then say how well you knew it.\n"
        "Choice cards: press an option. Typed cards: press **{type}** and type it.",
    },
    "help.grades.name": {"ko": "🔘 평가 버튼", "en": "🔘 Grade buttons"},
    "help.grades.value": {
        "ko": "**{again}**: 기억나지 않았어요. 이번 학습에서 한 번 더 나오고, 간격은 다시 "
        "짧아져요.\n"
        "**{hard}**: 겨우 기억했어요. 이번 학습에서 한 번 더 나와요.\n"
        "**{good}**: 잘 기억했어요.\n"
        "**{easy}**: 아주 쉬웠어요. SM-2에서는 처음 두 번의 간격(1일, 6일)은 {good:과} 같고, "
        "그다음부터 간격이 더 길어져요. FSRS에서는 처음부터 더 길어져요.\n"
        "버튼에 적힌 기간은 그 평가를 골랐을 때 다음 복습까지의 간격이에요.",
        "en": "**{again}**: you forgot. It comes back later in this session, and its gap "
        "goes back to a short one.\n"
        "**{hard}**: you barely recalled it. It comes back once more in this session.\n"
        "**{good}**: you knew it.\n"
        "**{easy}**: effortless. Under SM-2 the first two gaps (1 day, 6 days) are the same "
        "as {good}'s and later ones grow longer; under FSRS it goes further at once.\n"
        "Each button shows how long until the next review if you press it.",
    },
    "help.commands.name": {"ko": "⌨️ 명령어", "en": "⌨️ Commands"},
    "help.commands.value": {
        "ko": "`{/study}` 복습 시작(모드: 틀린 카드) · `{/decks}` 덱 참여/나가기 · "
        "`{/settings}` 시간대·언어·하루 카드 수·스케줄러 · `{/stats}` 통계와 그래프 · "
        "`{/exam}` 시험 날짜 · `{/remind}` 복습 알림 · "
        "`{/streak}` 오늘의 문제 연속 정답 · `{/help}` 이 안내",
        "en": "`{/study}` review now (mode: missed cards) · `{/decks}` join or leave decks · "
        "`{/settings}` time zone, language, daily limits, scheduler · "
        "`{/stats}` numbers and a chart · `{/exam}` exam dates · `{/remind}` daily reminder · "
        "`{/streak}` your daily-question streak · `{/help}` this guide",
    },
    "help.schedulers.name": {"ko": "🧠 SM-2와 FSRS", "en": "🧠 SM-2 and FSRS"},
    "help.schedulers.value": {
        "ko": "기본은 SM-2예요. 잘 기억한 카드는 1일, 6일, 그 뒤로 점점 더 긴 간격을 두고 "
        "다시 나오고, 잊어버린 카드는 처음부터 다시 시작해요.\n"
        "`{/settings}`에서 FSRS를 고르면 기억 모델이 카드마다 잊어버릴 때쯤을 계산하고, "
        "같은 날에 복습이 몰리지 않게 날짜를 조금씩 흩어 놓아요. 목표 기억률(0.70–0.97)도 "
        "정할 수 있어요. 바꿀 때마다 복습 기록으로 일정을 다시 계산하니 잃는 건 없어요.",
        "en": "SM-2 is the default: cards you know come back after 1 day, 6 days, then ever "
        "longer gaps, and a card you forget starts over.\n"
        "Choose FSRS in `{/settings}` and a memory model works out when you would forget "
        "each card, spreading reviews a little so they do not pile up on one day; you can "
        "also set its desired retention (0.70–0.97). Every switch rebuilds your schedule "
        "from your review history, so nothing is lost.",
    },
    "help.exam.name": {"ko": "📅 시험 날짜", "en": "📅 An exam date"},
    "help.exam.value": {
        "ko": "{/exam set:`으로} 시험 날짜를 정하면, 시험 전에 모든 카드를 두 번 이상 볼 수 있게 "
        "하루 새 카드 수를 필요한 만큼 늘리고 그 이유를 알려 드려요. 모든 카드는 시험 전 "
        "마지막 일주일 안에 한 번 더 나와요. 남은 날과 아직 안 본 카드는 `{/stats}`에서 "
        "볼 수 있어요. 시험이 지나면 평소 일정으로 돌아가요.",
        "en": "Set an exam date with `{/exam set}`: your new cards per day go up as much as "
        "needed (you are told why) so you can see every card at least twice before the "
        "exam, and every card comes back in its last week. `{/stats}` shows the days left "
        "and the cards you haven't seen yet. After the exam, scheduling is back to normal.",
    },
    "help.review.name": {"ko": "📝 마치고 나서", "en": "📝 After a session"},
    "help.review.value": {
        "ko": "마치면 답한 카드 수와 정답률, 새 카드와 다시 본 횟수, 건너뛴 카드, 오늘 남은 "
        "카드, 다음 복습 날짜, 연속 학습일을 보여 줘요. 아무것도 답하지 않고 **{stop}** "
        "버튼을 누르면 그냥 닫혀요.\n"
        "`{/study}`의 모드 **{mistakes}**: 최근 7일 동안 틀린 카드를 한 번씩 다시 풀어요. "
        "여기서 답한 건 기록만 되고 복습 일정은 바뀌지 않아요.",
        "en": "At the end you see the cards you answered and your right %, new cards and "
        "repeats, what you skipped, what is left today, your next review and your study "
        "streak. Press **{stop}** before answering anything and the card just closes.\n"
        "Choose **{mistakes}** as `{/study}`'s mode to go over the cards you missed in the "
        "last 7 days, once each: those answers are recorded but never change when a card "
        "comes back.",
    },
    "help.backlog.name": {"ko": "🔁 쉬었다가 돌아오면", "en": "🔁 Back from a break"},
    "help.backlog.value": {
        "ko": "밀린 복습 카드가 하루 복습 수보다 많으면, 간격에 비해 가장 오래 밀린 카드부터 "
        "하루 복습 수만큼만 보여 드리고, 이 속도로 며칠이면 따라잡는지 알려 드려요.",
        "en": "If more reviews are waiting than your reviews per day, you get the ones most "
        "overdue for their gap first, up to that number each day, and are told how many "
        "days catching up will take.",
    },
    "help.footer": {
        "ko": "하루는 {hour:02d}:00에 시작해요. {/settings}에서 바꿀 수 있어요.",
        "en": "Your study day starts at {hour:02d}:00; change it in {/settings}.",
    },
}
