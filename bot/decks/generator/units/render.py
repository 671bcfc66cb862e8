"""Blocks of a note -> the plain text of an answer.

An answer is what the note says under a question: paragraphs, a list, maybe a
quote or a table.  It is written as plain lines (lists as "• item", a table as a
line per row), without code listings, images, links or nested Q&As, and kept to
a length a learner can read on a card: whole blocks are taken in order until the
budget is spent, and a block that is too long alone is cut at a sentence end.
"""

from __future__ import annotations

import functools
import re

from bot.decks.generator.inline import InlineText
from bot.decks.generator.notetree import (
    Block,
    Code,
    Details,
    Heading,
    ListBlock,
    Para,
    Quote,
    Table,
)
from bot.decks.generator.sentences import normalise, split_sentences
from bot.decks.generator.units.questions import is_generic_summary

MAX_ANSWER = 600
_FIGURE = re.compile(
    r"(?:아래|위|다음|밑|오른쪽|왼쪽)의?\s*(?:그림|사진|도표|표|이미지|다이어그램|예시\s?그림)|"
    r"그림\s?(?:과|처럼|에서|을|를)|사진\s?(?:과|처럼)|"
    # "the image" is as often a container image as a figure: only "this/the diagram",
    # or an image placed ("the image below").
    r"\b(?:the|this)\s+(?:diagram|figure|picture|chart|graph)\b|"
    r"\b(?:following|below|above)\s+(?:diagram|figure|image|picture|chart|graph)\b|"
    r"\b(?:diagram|figure|image|picture|chart|graph)\s+(?:below|above)\b|"
    r"\bas shown\b|\bsee (?:the )?(?:figure|diagram|image|below|above)\b",
    re.I,
)
#: "(see YAML below)", "(아래 코드 참고)": an aside pointing at what the card does not show.
_POINTER_ASIDE = re.compile(
    r"\s*\((?:see|cf\.?)\s[^()]*\b(?:below|above|later)\)|"
    r"\s*\((?:아래|위|다음)[^()]{0,20}참고\)|"
    # "(see Q8)", "(→ 11번 질문)", "→ 4-3 참고": a part of the note the card does not have
    r"\s*\((?:see|cf\.?|→)\s*(?:Q\s?\d+|§\s?\d[\d.-]*|section\s\d[\d.-]*|\d+번\s?(?:질문|항목)?)"
    r"\)|\s*→\s*\d+(?:[.-]\d+)*\s?(?:참고|참조)$", re.I)
#: "… 바로 커밋됨 ㅠ", "… → 따로 정리 예정": the author's sigh or promise at a sentence's end.
_TRAILING_ASIDE = re.compile(r"\s*(?:[ㅠㅜㅋㅎ]{1,}|\^\^|;;+|→\s*(?:따로|나중에|다음에)[^→]{0,20}"
                             r"(?:예정|할 것|하기))\s*$")
#: "(교수님이 시험에 낸다고 하심 ㅋㅋ)", "(외울 필요는 없는 듯)": the author talking to
#: themself in brackets, not the note's content.
#: "(저는 30분)", "(I use 15 min)": the author's own choice, in brackets.
_OWN_CHOICE = r"\((?:저는|제가|전|난|나는|내\s|I\s|I'm|I've|my\s|we\s)"
_CHATTY_ASIDE = re.compile(r"\s*\((?=[^()]*(?:[ㅋㅠㅜㅎ]{2}|[ㅠㅜ]|듯\)|lol\b|imo\b))[^()]*\)"
                           rf"|\s*{_OWN_CHOICE}[^()]*\)")
_CHATTY_HINT = re.compile(rf"[ㅋㅠㅜㅎ듯]|lol|imo|{_OWN_CHOICE}")
#: A point that is only an aside in brackets: "- (P, V는 네덜란드어에서 온 이름이라고 함)".
_WHOLE_ASIDE = re.compile(r"^\([^()]*\)\.?$")
#: "TODO: write part 2 …": the author's note to self.
_TODO = re.compile(r"^(?:TODO|FIXME|XXX|TBD)\b", re.I)
_UNANSWERED = re.compile(
    r"^(?:to be completed|tbd|todo|coming soon|work in progress|wip|추가\s?예정|작성\s?예정|"
    r"준비\s?중|미완성|\.{2,}|…|-+|\*+)[.!]*$",
    re.I,
)
_LINK_ONLY = re.compile(r"^\[?(?:참고|출처|source|see|ref|reference|note|tip|팁)s?\]?\s*[:：]?\s*$",
                        re.I)
#: A line after which the rest of an answer is reading material, not the answer.
_REFERENCES = re.compile(
    r"^\[?(?:useful\s+)?(?:resources?|references?|links?|sources?|see also|further reading|"
    r"read more|more info(?:rmation)?|참고\s?(?:자료|링크|문헌|사이트)?|출처|"
    r"관련\s?(?:자료|링크|글)|"
    r"더\s?읽을\s?거리)\]?\s*[:：]?\s*$",
    re.I,
)
#: The author talking about themselves or their note, not about the subject.
_META = re.compile(
    r"(?:학습이|공부가|공부를|더 알아봐야|정리해\s?(?:보자|보겠|봤)|살펴\s?(?:보자|보겠|봅시다)|"
    r"알아\s?(?:보자|보겠|봅시다)|물어보는 경우|면접에서|생각이\s?든다|잘 모르겠|"
    r"이해가 안|헷갈|다음\s?(?:글|포스트|시간)에|이번\s?(?:글|포스트)에서|"
    r"\bI(?:'m| am) not sure\b|\bI (?:think|guess|believe)\b|\blet'?s (?:look|see|dive|take)\b|"
    r"\bin this (?:post|article|note)\b|\bnext (?:post|section|time)\b)",
    re.I,
)
_CODE_ONE_LINER = re.compile(r"^[^\n]{1,80}$")


def sentence_texts(para: Para) -> list[str]:
    return [s.text for s in split_sentences(para.text)]


#: "ㄴㄴ. 렌더링은 …", "ㅇㅇ 맞음": chat shorthand for no and yes opening an answer (not
#: "ㄴ, ㄹ, ㅁ, ㅇ 받침은 …", a note about the letters).
_CHAT_NO_YES = re.compile(r"^(ㄴㄴ|ㅇㅇ)(?:[.!~]+|\s)\s*")
#: "절대 ㄴㄴ", "ㄱㄱ", "ㅇㅋ": a short line of chat shorthand, no content.
_CHAT_ONLY = re.compile(r"^(?!(?:A|Ans|답|답변)\s?[.:：]\s)"  # ("A. ㄴㄴ.": an answer's no)
                        r"(?:\S+\s){0,2}(?:ㄴㄴ|ㅇㅇ|ㅇㅋ|ㄱㄱ|ㄷㄷ|ㅎㅇ|ㅂㅂ|ㅊㅋ)[.!~]*$")
#: "… 탈락임 ㅋㅋ → …": a laugh or a sigh, no content.
_LAUGH = re.compile(r"\s*(?:ㅋ{2,}|ㅎ{2,}|ㅠ+|ㅜ{2,})(?=\s|$|[.,!?~→])")


# The walk cleans a sentence, then cleans it again when it renders the answer around
# it (a quarter to a half of the calls): the last few results are kept.  Few enough
# that only that nearby reuse is served, never a far-off repeat of the same text.
@functools.lru_cache(maxsize=64)
def drop_chatty_asides(text: str) -> str:
    """The text without the author's laugh or own choice in brackets ("(저는 30분)")."""
    return _CHATTY_ASIDE.sub("", text) if "(" in text and _CHATTY_HINT.search(text) else text


def spell_out_chat_yes_no(text: str) -> str:
    """"ㄴㄴ. 렌더링은 …" -> "아니요. 렌더링은 …": the answer's no stays, in words."""
    if text[:1] in ("ㄴ", "ㅇ") and (chat := _CHAT_NO_YES.match(text)):
        return (("아니요. " if chat.group(1) == "ㄴㄴ" else "네. ") + text[chat.end():]).strip()
    return text


@functools.lru_cache(maxsize=8192)  # (an answer's lines are cleaned again for its cut)
def clean_sentence(text: str) -> str | None:
    """A sentence fit for a card, or None when it points at something the card
    cannot show (a figure, a link) or says nothing."""
    text = _TRAILING_ASIDE.sub("", _POINTER_ASIDE.sub("", normalise(text)))
    text = drop_chatty_asides(text)
    if "ㅋ" in text or "ㅎㅎ" in text or "ㅠ" in text or "ㅜㅜ" in text:
        text = _LAUGH.sub("", text).strip()  # "… 탈락임 ㅋㅋ → …": a laugh, no content
    if "\u3131" <= text.rstrip(".!~")[-1:] <= "\u3163" and _CHAT_ONLY.match(text):
        return None
    text = spell_out_chat_yes_no(text)
    if not text or _UNANSWERED.match(text) or _LINK_ONLY.match(text) or _TODO.match(text) \
            or (text[0] == "(" and _WHOLE_ASIDE.match(text)):
        return None
    if text.endswith(("?", "？")) and len(text) < 120:
        return None  # a question of its own (the next one in an interview list)
    if _FIGURE.search(text) or _META.search(text):
        return None
    if not re.search(r"[A-Za-z가-힣0-9]", text):
        return None
    return text


def links_only(text: InlineText) -> bool:
    """A line made of links ("[Top](#…) [Back](…) [Home](…)", "(도서) [Title](…)"):
    navigation or a reading list, nothing to learn from."""
    if not text.links:
        return False
    kept = list(text.text)
    for start, end in text.links:
        kept[start:end] = [" "] * (end - start)
    rest = re.sub(r":[a-z_]+:|\([^()]{0,6}\)|[\W_]+", "", "".join(kept))
    return len(rest) <= 3


def _para_lines(para: Para) -> list[str]:
    if links_only(para.text):
        return []
    out = [c for s in sentence_texts(para) if (c := clean_sentence(s))]
    return [" ".join(out)] if out else []


#: "꼬리 질문: 배열 크기를 소수로 잡는 이유? → 키에 패턴이 있어도 …": a follow-up asked
#: and answered on one line.
_FOLLOW_UP_WORD = r"(?:꼬리\s?질문|follow[- ]?up(?:\s+question)?)"
_FOLLOW_UP = re.compile(
    rf"^(?:(?:{_FOLLOW_UP_WORD}|Q\d*)\s*[:：.)]\s*)?"
    r"(?P<q>[^?？\n]{4,120}[?？])\s*(?:→|->|=>)\s*(?P<a>\S.*)$", re.I | re.S)
#: "꼬리 질문: …", "Follow-up: …": a follow-up the note labels as one.
_FOLLOW_UP_LABEL = re.compile(rf"^{_FOLLOW_UP_WORD}\s*[:：.)]", re.I)


def follow_up_line(text: str) -> tuple[str, str] | None:
    """(question, answer) of a labelled follow-up asked and answered on one line:
    "꼬리 질문: 실제 핵심 로직은 어디에 있습니까? → doDispatch()에서 …"."""
    if not _FOLLOW_UP_LABEL.match(text):
        return None
    found = _FOLLOW_UP.match(text.strip())
    return (found["q"].strip(), found["a"].strip()) if found else None


def follow_ups(block: ListBlock) -> list[tuple[str, str, tuple[int, int]]] | None:
    """(question, answer, lines) of each item, when every item is a follow-up asked and
    answered on its line; else None."""
    pairs: list[tuple[str, str, tuple[int, int]]] = []
    for item in block.items:
        found = _FOLLOW_UP.match(normalise(item.head.text)) if item.head is not None else None
        if found is None or item.body:
            return None
        pairs.append((found["q"].strip(), found["a"].strip(), item.lines))
    return pairs or None


def _list_lines(block: ListBlock, depth: int) -> list[str]:
    lines: list[str] = []
    single = len(block.items) == 1 and depth == 0
    for position, item in enumerate(block.items, start=1):
        head = item.head
        text = ""
        if head is not None and not links_only(head):
            text = " ".join(c for s in split_sentences(head)
                            if (c := clean_sentence(s.text)))
        marker = f"{item.number or position}) " if block.ordered else ("• " if depth == 0
                                                                        else "◦ ")
        if single:
            marker = ""  # one bullet is just a paragraph
        indent = "  " * depth
        if text:
            lines.append(f"{indent}{marker}{text}")
        if depth < 1:
            for child in item.body:
                if isinstance(child, ListBlock):
                    lines.extend(_list_lines(child, depth + 1))
                elif isinstance(child, (Para, Quote)):
                    for line in block_lines_text([child]):
                        lines.append(f"{indent}  {line}")
    return lines


_SHORT_CODE_LINES = 4
_SHORT_CODE_CHARS = 240


#: A column whose cells say what their row is: shown without its name.
_DESCRIBING = re.compile(r"^(?:설명|의미|뜻|정의|개념|내용|description|meaning|definition|"
                         r"what it is|explanation)$", re.I)
_BLANK_CELL = frozenset({"", "-", "—", "n/a"})


def _table_lines(table: Table) -> list[str]:
    """A table as one line per row ("• Stub: 정해진 값만 돌려줌; 예시: …"): the answer
    to "Mock, Stub, Fake의 차이는?" is often nothing but its table."""
    header = [normalise(h.text) for h in table.header]
    lines: list[str] = []
    for row in table.rows:
        cells = [normalise(c.text) for c in row]
        if not cells or not cells[0] or cells[0].endswith(("...", "…")):
            continue  # a row label the author left unfinished ("one per...")
        said = [cell if _DESCRIBING.match(name) or not name else f"{name}: {cell}"
                for name, cell in zip(header[1:], cells[1:], strict=False)
                if cell.lower() not in _BLANK_CELL]
        if len(said) == 1 and said[0] == cells[1]:
            lines.append(f"• {cells[0]}: {said[0]}")  # "• Stub: 정해진 값만 돌려줌"
        elif said:
            lines.append(f"• {cells[0]} — {'; '.join(said)}")  # "• 신뢰성 — TCP: 높다; …"
    return lines


def block_lines_text(blocks: list[Block], tables: bool = False) -> list[str]:
    """Each block's text as lines, in order; long code, nested Q&As (and, unless asked
    for, tables) left out, and nothing after a "Useful resources:" line."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Para) and _REFERENCES.match(normalise(block.text.text)):
            break
        if isinstance(block, Para):
            lines.extend(_para_lines(block))
        elif isinstance(block, Heading):
            continue
        elif isinstance(block, ListBlock):
            if follow_ups(block) is None:  # (each follow-up is a card of its own)
                lines.extend(_list_lines(block, 0))
        elif isinstance(block, Quote):
            lines.extend(block_lines_text(block.blocks))
        elif isinstance(block, Details) and is_generic_summary(normalise(block.summary.text)):
            lines.extend(block_lines_text(block.blocks, tables))  # "<summary>답변</summary>"
        elif isinstance(block, Code):
            if block.prose:
                lines.extend(block_lines_text(block.prose))
            else:
                code = block.text.strip("\n")
                # A command or two is part of the answer ("kill $(lsof -t -i:80)");
                # a listing is not something to recall, nor a diagram drawn in text.
                if code and code.count("\n") < _SHORT_CODE_LINES \
                        and len(code) <= _SHORT_CODE_CHARS and not _DIAGRAM.search(code):
                    lines.extend(re.sub(r"<(?=[A-Za-z/!?])", "＜", line.rstrip())
                                 for line in code.split("\n")
                                 if line.strip() and not line.lstrip().startswith(("#", "//")))
        elif isinstance(block, Table) and tables:
            lines.extend(_table_lines(block))
    return lines


def answer_text(blocks: list[Block], budget: int = MAX_ANSWER) -> tuple[str, bool]:
    """(answer, complete): the answer text, and whether all of it fit the budget."""
    lines = block_lines_text(blocks, tables=True)
    out: list[str] = []
    used = 0
    complete = True
    for line in lines:
        if used + len(line) > budget:
            complete = False
            if not out:
                out.append(_cut(line, budget))
            break
        out.append(line)
        used += len(line) + 1
    return "\n".join(out).strip(), complete


#: Box-drawing and arrows of a diagram drawn in text ("┌──┐", "+---+", "-->").
_DIAGRAM = re.compile(r"[─│┌┐└┘├┤┬┴┼═║╔╗╚╝▶▼]|\+-{2,}|-{2,}>|<-{2,}|\|\s{2,}\|")


def whole_blocks_text(blocks: list[Block], budget: int = MAX_ANSWER) -> str:
    """The blocks that fit `budget` whole, from the first, without a last lead-in ("Fixes:"
    whose list did not fit): an interview answer too long for a card, told by its opening
    paragraphs, as one would say it aloud."""
    out: list[str] = []
    used = 0
    for block in blocks:
        lines = block_lines_text([block], tables=True)
        if isinstance(block, Para) and _REFERENCES.match(normalise(block.text.text)):
            break
        text = "\n".join(lines).strip()
        if not text:
            continue
        if used + len(text) > budget:
            break
        out.append(text)
        used += len(text) + 1
    while out and out[-1].rstrip().endswith((":", "：")):
        out.pop()
    return "\n".join(out).strip()


def _cut(line: str, budget: int) -> str:
    """The longest run of whole sentences of `line` within `budget`."""
    pieces = re.split(r"(?<=[.!?다요])\s+", line)
    kept: list[str] = []
    used = 0
    for piece in pieces:
        if used + len(piece) > budget and kept:
            break
        kept.append(piece)
        used += len(piece) + 1
    text = " ".join(kept)
    return text if len(text) <= budget else text[: budget - 1].rstrip() + "…"


def has_code(blocks: list[Block]) -> bool:
    for block in blocks:
        if isinstance(block, Code) and not block.prose:
            return True
        if isinstance(block, ListBlock) and any(has_code(i.blocks) for i in block.items):
            return True
        if isinstance(block, Quote) and has_code(block.blocks):
            return True
    return False


def one_liner(code: Code) -> str | None:
    text = code.text.strip()
    return text if _CODE_ONE_LINER.fullmatch(text) else None
