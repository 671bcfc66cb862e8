"""Comparison tables: a unit per row x column cell.

When the first column labels the rows (구분 | TCP | UDP), the columns are the things
compared, so a row's cells are alternatives of one another; otherwise each row is a
thing and a column's cells are the alternatives.  Short alternatives become the
choices of the card.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.decks.generator.cards import normalise_key
from bot.decks.generator.inline import InlineText
from bot.decks.generator.notetree import Table
from bot.decks.generator.sentences import normalise
from bot.decks.generator.units.model import Unit

_ASIDE = re.compile(r"\s+\(([^()]*)\)")
_ROW_LABEL_HEADERS = frozenset(
    {"", "구분", "항목", "비교", "기준", "비교 항목", "특성", "특징", "aspect", "feature",
     "features",
     "criteria", "criterion", "category", "property", "attribute", "comparison", "-", "분류",
     # "연산 | ArrayList | LinkedList": the operations label the rows, the columns compared
     "연산", "operation", "operations"}
)
_REMARKS = re.compile(r"^(?:비고|참고|메모|노트|note|notes|remarks?|comments?)$", re.I)
_EXAMPLES = re.compile(r"^(?:예|예시|예제|사용\s?예|사용\s?예시|example|examples|usage)$", re.I)
_EMPTY = frozenset({"", "-", "—", "x", "n/a", "na", "none", "없음"})


#: "✅ yes, byte-identical", "❌ (…)": an emoji tick or cross is the yes or no of the cell.
_EMOJI_TICK = re.compile(r"^(?:(✅|☑️?|✔️?)|(❌|❎|✖️?))\ufe0f?\s*")
#: "yes, byte-identical", "no — each process has its own GIL": a yes or no with its reason.
YES_NO_REASON = re.compile(r"^(?P<word>yes|no)\s*[—–:;,-]+\s*(?P<rest>\S.*)$", re.I | re.S)
#: "same, decomposed", "〃": a cell that says only what the row above says ("same as
#: liveness" names what it repeats, "same snapshot for …" is a value of its own).
_AS_ABOVE = re.compile(r"^(?:same(?: as above)?|ditto|as above|〃|″|상동|위와 같음)\s*(?:[,;:]|$)",
                       re.I)


def _split_cell(cell: str) -> tuple[str, str]:
    """"높음 (유연하며 …)" -> ("높음", "유연하며 …"); "O(1)" stays whole; "O(N) ← 큰 Set이면
    조심": the arrow points at the author's remark."""
    cell = normalise(cell).strip()
    if cell.startswith("(") and cell.endswith(")") and cell.count("(") == 1 \
            and re.match(r"\(\s*[A-Za-z가-힣]{2}", cell) and " " in cell:
        return "", cell[1:-1].strip()  # "(ignored on Linux)": a remark, no value ("(1, 2)" is)
    tick = _EMOJI_TICK.match(cell)
    if tick:
        rest = cell[tick.end():]
        said = re.match(r"(?:yes|no|예|아니요|아니오|o|x)\b", rest, re.I)
        cell = rest if said else f"{'✓' if tick.group(1) else '✗'} {rest}".strip()
    value, arrow, remark = cell.partition(" ← ")
    if arrow and value.strip() and remark.strip():
        main, aside = _split_cell(value)
        return main, "; ".join(a for a in (aside, remark.strip()) if a)
    asides = [p.strip() for p in _ASIDE.findall(cell) if p.strip()]
    main = _ASIDE.sub("", cell).strip()
    if main.lower() in _EMPTY and asides:
        return main, "; ".join(asides)  # "- (단독으론 X)": no value, with a remark
    if not asides or not main or (not main[-1].isalnum() and main[-1] not in ")]%"
                                  and main.lower() not in _BOOLEAN):
        return cell, ""
    return main, "; ".join(asides)


_WORD_ASIDE = re.compile(r"(?<=[^\W\d_]{2})\s*\((?=[^()]*[^\W\d_]{2})[^()]*\)|"
                         r"\s*\((?=[^()]*[가-힣])[^()]*\)")  # "O(보통)" is an "O" too
#: The letters a growth rate is written in: "O(d·(n + k))" has d, n and k.
_GROWTH = re.compile(r"^[OΘΩ]\((?=[^)]*[A-Za-z0-9])")
_VARIABLE = re.compile(r"(?<![A-Za-z])[a-zA-Z](?![A-Za-z])")


_CASE_HEADER = re.compile(r"^(?:best|average|avg|worst)(?:[\s-]?case)?$", re.I)


def _said_longer(longer: str, shorter: str) -> bool:
    """"Strings only" is "Strings" qualified, "Linear, 1 commit per branch" is "Linear"
    with a remark: both right where the other is ("Terminate + core dump" is not)."""
    low, short = longer.strip().lower(), shorter.strip().lower()
    return bool(short) and low.startswith(short) and bool(re.fullmatch(
        r"(?:\s+(?:only|just|mostly|usually|typically|generally|also|too)|\s*[,;(].*)",
        low[len(short):]))


def _fair_choices(answer: str, choices: list[str]) -> list[str]:
    """Growth rates a learner could mistake for the answer: "O(d·(n + k))" beside
    "O(n)" brings letters the question never mentions, and gives itself away.  Any
    choice that is the answer said longer or shorter ("Strings" beside "Strings only",
    "Linear" beside "Linear, 1 commit per branch") would be right too: it goes."""
    if not _GROWTH.match(answer):
        kept: list[str] = []
        for c in choices:  # (and of two distractors said alike, one is enough)
            if c == answer or not any(_said_longer(c, k) or _said_longer(k, c)
                                      for k in [answer, *kept]):
                kept.append(c)
        return kept if len(kept) >= 2 else []
    used = [set(_VARIABLE.findall(c[1:])) for c in choices]
    # A letter is shared when half the choices use it ("n"); the others are a stranger's.
    shared = {x for x in set().union(*used) if sum(x in u for u in used) * 2 >= len(used)}
    letters = set(_VARIABLE.findall(answer[1:])) | shared
    kept = [c for c, u in zip(choices, used, strict=True) if c == answer or (
        u <= letters and not c.startswith(answer) and not answer.startswith(c))]
    # ("O(1) amortized" beside "O(1)" is the same rate, said more carefully.)
    return kept if len(kept) >= 3 else []


def _distinct(values: list[str]) -> list[str]:
    """The choices, each once: "main" and "main(trunk)" are one choice, not two a learner
    could not tell apart."""
    out: list[str] = []
    keys: set[str] = set()
    for value in values:
        # Only a word's aside: "O(n)" and "O(n^2)" are two choices, not one "O".
        bare = _WORD_ASIDE.sub("", value) if _WORD_ASIDE.search(value) else value
        key = normalise_key(bare) or normalise_key(value)
        if value and key and key not in keys:
            keys.add(key)
            out.append(value)
    return out


_BOOLEAN = frozenset({"o", "x", "✓", "✔", "✗", "✘", "○", "●", "△", "yes", "no", "y", "n", "true",
                      "false", "예", "아니오", "있음", "없음", "가능", "불가", "불가능"})
_NUMBER = re.compile(r"^[\d\s.,:%/+-]+(?:[a-zA-Z]{0,3})$")


def _repeats(name: str, example: str) -> bool:
    """Whether an example shows the name it is asked for ("ip addr" -> "ip a")."""
    said = {w.casefold() for w in re.findall(r"[\w.-]+", example)}
    return normalise_key(name) in normalise_key(example) or any(
        w.casefold() in said for w in re.findall(r"[\w.-]{2,}", name) if w.isascii())


def _with_kind(name: InlineText, kind: str) -> InlineText:
    """"Transport" under "Layer" is the Transport layer."""
    text = normalise(name.text)
    if not re.fullmatch(r"[A-Za-z가-힣]{2,15}", kind) or kind.casefold() in text.casefold():
        return name
    joined = f"{text} {kind.lower()}" if kind.isascii() else f"{text} {kind}"
    return InlineText(joined, [name.lines[0] if name.lines else 0] * len(joined), [], [])


def _all_code(cell: InlineText) -> bool:
    """A cell written wholly as code ("`pip`", "`VACUUM`"): a name, said as written."""
    return bool(cell.code) and cell.code[0][0] == 0 \
        and cell.code[0][1] >= len(cell.text.rstrip())


def _numbered_rows(texts: list[list[str]]) -> bool:
    """Rows labelled by a number beside a name: "7 | Application", "3 | Network"."""
    rows = [row for row in texts if len(row) >= 3]
    return len(rows) >= 2 and all(re.fullmatch(r"L?\d{1,2}", row[0].strip(), re.I)
                                  and re.search(r"[A-Za-z가-힣]{2}", row[1]) for row in rows)


#: A row named by when it happened: "Mon 09:10", "10:42", "Tue", "2024-03-01" (not
#: "Monolith", "MongoDB").
_WHEN = re.compile(r"(?i)(?:(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
                   r"(?:\s+\d|$)|\d{1,2}:\d{2}\b|\d{4}-\d{2}(?:-\d{2})?\b|[월화수목금토일]요일)")


def _is_data_table(header: list[str], rows: list[list[str]]) -> bool:
    """A table of values (query output, a timeline of numbers, an O/X matrix) rather
    than a comparison of named things: no card can ask one of its cells fairly."""
    labels = [row[0] for row in rows if row]
    cells = [c for row in rows for c in row[1:] if c]
    if not labels or not cells:
        return True
    identifiers = sum(bool(re.fullmatch(r"[a-z_][a-z0-9_]*", h.strip())) for h in header)
    if any("_" in h for h in header) and identifiers * 2 >= len(header):
        return True  # "| name | team_name |": a query's result, rows of sample data
    numeric_labels = sum(bool(_NUMBER.match(x)) or len(x.strip()) < 2 or bool(_WHEN.match(x))
                         for x in labels)  # ("Mon 09:10", "2024-03-01": a timeline's rows)
    if numeric_labels * 3 > len(labels):
        return True
    if sum(len(h.strip()) < 2 for h in header[1:]) * 2 > len(header[1:]):
        return True
    flat = sum(c.strip().lower() in _BOOLEAN or bool(_NUMBER.match(c)) for c in cells)
    return flat * 2 > len(cells)


#: Columns that are aspects of each row, not things compared: "Average | Worst | Notes".
_ASPECT_COLUMN = re.compile(r"^(?:best|average|avg|worst|amortized|time|space|complexity|"
                            r"notes?|remarks?|비고|참고|평균|최악|최선|시간|공간)(?:[\s-]case)?$",
                            re.I)


#: A row named by a condition on a quantity: "N ≤ 500", "n > 10^8".
CONDITION_ROW = re.compile(r"^[A-Za-z]\w{0,3}\s*(?:[≤≥]|[<>]=?|=)\s*[\d~]")


#: A command a heading may name, whose flags ("--soft", "-p") its rows or terms are.
COMMAND_NAME = re.compile(
    r"(?i)\b(?:git|docker|kubectl|helm|npm|npx|yarn|pip|pipx|uv|poetry|cargo|go|python|node|"
    r"curl|wget|ssh|scp|rsync|ls|grep|find|tar|chmod|chown|ps|top|kill|systemctl|journalctl|"
    r"psql|mysql|redis-cli|terraform|aws|gcloud|az|make|gcc|java|javac|mvn|gradle)\b")


#: A command's flag ("--soft", "-p"), which a card asks about only with its command named.
FLAG = re.compile(r"--[a-z]|-[a-zA-Z]\b")


#: A first column of names: tools, libraries, products.
_NAME_HEADER = re.compile(r"(?i)tools?|library|libraries|package|packages|framework|"
                          r"product|db|database|language|command|cli|program|binary|utility")


#: A first column of kinds sold or offered under their own names ("Class", "Tier", "Plan").
_NAMED_KIND_HEADER = re.compile(r"(?i)(?:storage |instance |service |pricing )?(?:class|classes|"
                                r"tier|tiers|plan|plans|edition|editions|sku)")


#: A row that is a name: one token written as names are ("pip", "uv", "PostgreSQL", "NPM"),
#: not a kind ("Type checker", "Linter").
_NAME_LIKE = re.compile(r"[a-z0-9][\w.+-]*|\w*[a-z0-9]\w*[A-Z]\w*|[A-Z0-9]{2,}")


#: An English column naming what each row has ("Meaning", "Example", "Want"), never one
#: of two things compared.
_EN_ASPECT_WORD = re.compile(r"(?i)want|goal|meaning|means|description|definition|examples?|"
                             r"purpose|usage|explanation|formula|direction|typical use|"
                             r"default|defaults|default value|notes?|remarks?|comments?")


#: A Korean column naming what each row has: "탐색 대상", "반환값", "장점", "용도".
_KO_ASPECT_WORDS = (r"(?:대상|값|결과|입력|출력|용도|목적|조건|특징|장점|단점|예시|설명|의미|"
                    r"복잡도|속도|크기|범위|위치|역할|시점|성능|위험|비용|단위|예|리턴\s?타입|반환\s?타입|"
                    r"반환형)")
_KO_ASPECT_COLUMN = re.compile(rf"[가-힣]\s?{_KO_ASPECT_WORDS}$|^{_KO_ASPECT_WORDS}$")


def _attribute_columns(columns: list[str], row_labels: list[str]) -> bool:
    """"| | one-liner | smell when violated |" over rows "SRP", "OCP": columns written in
    lower case, as attributes are, beside rows written as names ("SRP", "localStorage"),
    are the rows' aspects (things compared are names: "| | Paxos | Raft |"; "Blocked by
    the lock?" and "Scheduling" are aspects)."""
    named = [x.strip() for x in row_labels if x.strip()]
    if not named or not all(c.strip() and c.strip()[0].islower() for c in columns) \
            or any(x.endswith("?") for x in named):
        return False
    if any(c.strip().endswith("?") for c in columns):  # "reversible?" asks each row
        return sum(x[0].isupper() for x in named) * 2 > len(named)
    # names written as names: "SRP", "localStorage", "IndexedDB" (not "Scheduling")
    return sum(bool(re.search(r"\w[A-Z]", x)) for x in named) * 2 > len(named)


def _columns_compared(header: list[str], title: str, row_labels: list[str]) -> bool:
    """Whether the columns are the things compared ("구분 | TCP | UDP", or any header
    whose column names the heading mentions).  "Operation | Average | Worst" names
    cases of each operation: its rows are the things asked."""
    if sum(bool(_ASPECT_COLUMN.match(h.strip())) for h in header[1:]) * 2 > len(header[1:]):
        return False
    if sum(bool(_EN_ASPECT_WORD.fullmatch(h.strip())) for h in header[1:]) * 2 >= len(header[1:]):
        return False  # "| criterion | want | meaning |": what each row has, not two things
    if len(header) >= 3 and all(_KO_ASPECT_COLUMN.search(h.strip()) for h in header[1:]):
        return False  # "| 구분 | 탐색 대상 | 반환값 |": each row has them, the rows are compared
    if not header[0].strip() and _attribute_columns(header[1:], row_labels):
        return False
    if header[0].strip().lower() in _ROW_LABEL_HEADERS:
        return True
    named = normalise_key(title)
    return bool(named) and sum(normalise_key(h) in named for h in header[1:] if normalise_key(h)) \
        >= max(1, len(header[1:]) - 1)


#: A first column naming what kind of thing each row is, which the row's own name
#: leaves out ("Grant | …": "Client credentials" is a grant).
_KIND_HEADER = re.compile(r"^(grant|flow|pattern|mode|strategy|policy|protocol|principle|"
                          r"phase|stage|tier|layer|bit|flag|driver|algorithm)(?: type)?$", re.I)
#: Kinds with one member of each name ("the bridge driver", "the token bucket algorithm"):
#: a row named with one is said with "the".
_ONE_OF_A_KIND = frozenset({"driver", "algorithm"})
#: A row that names its method already ("Merge sort", "Binary search", "Dijkstra"): no
#: "algorithm" added.
_NAMES_A_METHOD = re.compile(r"(?i)sort|search|\bDFS\b|\bBFS\b|^\w+(?:\s*\(.*\))?$|"
                             r"(?:encryption|function|programming|conquer|coding|compression|"
                             r"hashing|greedy|backtracking|traversal|signature)\b")


#: "Client credentials", "Implicit": a common name that takes its kind; not a proper
#: one ("LRU", "Circuit Breaker").
_SENTENCE_CASE = re.compile(r"[A-Za-z][a-z-]*(?: [a-z][a-z-]*)*(?: \([^()]*\))?")


def _row_kind(header: str) -> str:
    found = _KIND_HEADER.match(header.strip())
    return found.group(1).lower() if found else ""


#: Words a heading puts after a name that are no kind of it ("TCP vs UDP", "Python example").
_NOT_A_KIND = frozenset({"vs", "versus", "and", "or", "example", "examples", "in", "with", "notes",
                         "note", "basics", "overview", "summary", "예시", "예제", "비교", "정리",
                         "요약", "기초", "개요", "와", "과", "및"})


def heading_words(headings: Sequence[str]) -> dict[str, str]:
    """{a name of one or two words: the word a heading puts after it}, built once per note:
    "Bubble Sort" gives {"bubble": "Sort"}."""
    after: dict[str, str] = {}
    for heading in headings:
        # runs of words with only spaces between them ("Observer (Behavioral)" is two)
        for run in re.split(r"\s*[^\w\s+#-]+\s*", heading):
            words = run.split()
            for i in range(len(words) - 1):
                for size in (1, 2):
                    if i + size < len(words):
                        after.setdefault(" ".join(words[i:i + size]).lower(), words[i + size])
    return after


def _full_names(labels: list[str], after: dict[str, str]) -> dict[str, str]:
    """"Bubble", "Merge", "Radix (LSD)" in a summary table of a note whose sections are
    "Bubble Sort", "Merge Sort", "Counting Sort and Radix Sort": each row is named short
    for its section, asked by its full name ("bubble sort").  Only when two rows or more
    share the word their sections add."""
    added: dict[str, str] = {}
    for label in labels:
        bare = re.sub(r"\s*\([^()]*\)$", "", label).strip()
        # ("Mutual exclusion" under "Mutual Exclusion Condition" is named already)
        if not bare or len(bare.split()) > (2 if re.search("[가-힣]", bare) else 1) \
                or not re.match(r"[A-Za-z가-힣]", bare):
            continue
        word = after.get(bare.lower())
        if word and re.fullmatch(r"[A-Za-z]+|[가-힣]+", word) \
                and word.lower() not in _NOT_A_KIND and normalise_key(word) != normalise_key(bare):
            added[label] = word
    words = [w.lower() for w in added.values()]
    shared = {w for w in words if words.count(w) >= 2}
    out: dict[str, str] = {}
    for label, word in added.items():
        if word.lower() not in shared or label.lower().split()[-1] == word.lower():
            continue
        bare, aside = re.match(r"^(.*?)(\s*\([^()]*\))?$", label).groups()  # type: ignore[union-attr]
        word = word.lower() if word[:1].isupper() and not word.isupper() else word
        out[label] = f"{bare} {word}{aside or ''}"
    return out


def units(table: Table, path: tuple[str, ...], title: str, lang: str,
          headings: dict[str, str] | None = None) -> list[Unit]:
    """`headings`: the note's `heading_words`, which name a summary table's short rows."""
    header = [normalise(h.text) for h in table.header]
    if len(header) < 2 or not table.rows:
        return []
    texts = [[normalise(c.text) for c in row] for row in table.rows]
    if len(header) >= 3 and _numbered_rows(texts):
        # "| 4 | Transport | TCP, UDP | Segment |": the number counts the rows, the name
        # names them; the number is asked as any other column.
        kind = normalise(table.header[0].text)
        named = [_with_kind(row[1], kind) for row in table.rows]
        table = Table(header=[table.header[1], table.header[0], *table.header[2:]],
                      rows=[[name, row[0], *row[2:]] for name, row in zip(named, table.rows,
                                                                          strict=True)],
                      row_lines=table.row_lines, first_line=table.first_line)
        header = [normalise(h.text) for h in table.header]
        texts = [[normalise(c.text) for c in row] for row in table.rows]
    if _is_data_table(header, texts):
        return []
    section = normalise_key(re.sub(r"\s*\([^()]*\)", "", title))  # "Clock (second chance)"
    if section and any(normalise_key(row[0]) == section for row in texts if row):
        # under "### Clock" a table of FIFO, LRU, OPT and Clock: the section's own name is
        # one row of it, no context for the others
        title = ""
    by_row = _columns_compared(header, title, [row[0] for row in texts if row])
    if by_row and sum(bool(CONDITION_ROW.match(row[0])) for row in texts if row) * 2 > len(texts):
        by_row = False  # "N ≤ 500 | O(n^3)": each row a condition, the columns what it allows
    grid = [[_split_cell(c.text) for c in row[1:len(header)]] for row in table.rows]
    # In a column of O and X, "X" says no; elsewhere a lone "x" or "-" marks a blank cell.
    yes_no = {c for c in range(len(header) - 1)
              if all(g[c][0].strip().lower() in _BOOLEAN for g in grid if c < len(g))}
    yes_no_rows = {r for r, g in enumerate(grid)
                   if g and all(m.strip().lower() in _BOOLEAN for m, _ in g)}
    out: list[Unit] = []
    # "| | Paxos | Raft |": in English a row of a two-way comparison is asked as how the two
    # differ in it ("How do Paxos and Raft differ in leader?"); "What is the leader of
    # Paxos?" reads as a table, not a question.
    pairwise = lang == "en" and by_row and len(header) == 3 and all(header[1:])
    kind = _row_kind(header[0]) if lang == "en" and not by_row else ""
    # "| 정렬 | 최선 | …" over "버블", "퀵": each row is a 정렬 the note names short
    ko_kind = header[0].strip() if lang == "ko" and not by_row \
        and re.fullmatch(r"[가-힣]{2,4}", header[0].strip()) \
        and header[0].strip().lower() not in _ROW_LABEL_HEADERS else ""
    full_names = _full_names([row[0] for row in texts if row], headings or {}) \
        if not by_row else {}
    # "Tool | …" over "pip", "uv": each row is a name, said as written ("Does pip …?")
    names_rows = lang == "en" and not by_row and _NAME_HEADER.fullmatch(header[0].strip())
    # "Class | …" over "Standard", "One Zone-IA": each row is a product's own name
    all_named = lang == "en" and not by_row \
        and bool(_NAMED_KIND_HEADER.fullmatch(header[0].strip()))
    for r, (row, line) in enumerate(zip(table.rows, table.row_lines, strict=False)):
        if len(row) < 2:
            continue
        label = normalise(row[0].text)
        label = full_names.get(label, label)
        # "`pip`", "`max-age=N`": a row written as code is a name, said as written
        article = "code" if _all_code(row[0]) or (all_named and not re.search(r"\s[a-z]", label)) \
            or (names_rows and _NAME_LIKE.fullmatch(label)) else None
        if kind and kind not in label.lower() and _SENTENCE_CASE.fullmatch(label) \
                and not (kind == "algorithm" and _NAMES_A_METHOD.search(label)):
            # "Grant | Use case": "Implicit" is the implicit grant
            label = re.sub(r"^(.*?)(\s*\([^()]*\))?$", rf"\1 {kind}\2", label, count=1)
            article = "the" if kind in _ONE_OF_A_KIND else None
        numbered = re.fullmatch(r"\d{1,2}\s*([가-힣]{1,6})", label) if ko_kind else None
        if numbered:
            label = numbered.group(1)  # "7 응용" under "계층": the 응용 계층
        if ko_kind and re.fullmatch(r"[가-힣]{1,6}", label) and ko_kind not in label \
                and (numbered or len(label) <= 3):
            label = f"{label} {ko_kind}"  # "버블" → "버블 정렬"
        cumulative = label.startswith("+ ")
        if cumulative:  # "+ 멀티 스테이지 빌드": one more step of the author's own run
            label = label[2:].strip()
        if not label or label.lower() in _EMPTY or label.endswith(("...", "…")):
            continue  # "one per...": a label the author left unfinished
        if pairwise and not label.endswith("?") and r not in yes_no_rows:
            # ("Blocked?", "흐름 제어 | O | X": each side is asked yes or no)
            sides = [m for m, _ in grid[r][:2]]
            # the answer says each side as the table does, its aside too ("rich
            # (exchanges, bindings)")
            said = [normalise(c.text).strip() for c in row[1:3]]
            if len(sides) == 2 and all(normalise_key(x) or x.lower() in _BOOLEAN for x in sides) \
                    and normalise_key(sides[0]) != normalise_key(sides[1]) \
                    and not _REMARKS.match(label) and not _EXAMPLES.match(label):
                answer = f"{header[1]}: {said[0]}\n{header[2]}: {said[1]}"
                out.append(Unit("difference", path, f"{label}/{header[1]}/{header[2]}",
                                (line, line), len(answer) <= 240 and len(label) <= 40
                                # ("Processed", "When": "How do A and B differ in when?")
                                and not re.fullmatch(r"(?i)when|where|why|how|what it is|"
                                                     r"(?!embed)[a-z]{2,}(?<!e)ed", label),
                                items=(header[1], header[2]), label=label, answer=answer))
            continue
        for c, (column, (main, explanation)) in enumerate(zip(header[1:], grid[r], strict=False)):
            if _AS_ABOVE.match(main):
                continue  # "same, decomposed": only the row above says what it is
            if not column or not (normalise_key(main) or main.lower() in _BOOLEAN) \
                    or (main.lower() in _EMPTY
                        and not (r in yes_no_rows if by_row else c in yes_no)):
                continue
            if _REMARKS.match(column if not by_row else label):
                continue  # "비고", "Notes": a remark on the row, nothing to ask
            if re.search(r"(?:예시|예제)\s?결과|\bexample (?:results?|output|rows?)\b",
                         column if not by_row else label, re.I):
                continue  # "예시 결과 행 수": about the note's sample data, not shown on a card
            if _EXAMPLES.match(column if not by_row else label) \
                    and _repeats(label if not by_row else column, main):
                continue  # "chmod | … | chmod 755 file": the example repeats what is asked
            if by_row:
                choices = _distinct([m for m, _ in grid[r] if m.lower() not in _EMPTY
                                     and not _AS_ABOVE.match(m)])
                subject, attribute = column, label
            else:
                choices = _distinct([g[c][0] for g in grid if c < len(g)
                                     and g[c][0].lower() not in _EMPTY
                                     and not _AS_ABOVE.match(g[c][0])])
                subject, attribute = label, column
            choices = _fair_choices(main, choices)
            own = label if not by_row else column
            if lang != "ko" and re.fullmatch(r"[A-Za-z][\w /+-]{1,30}", own) \
                    and re.search(rf"\b{re.escape(own)}\b", main, re.I):
                choices = []  # "dp[i] = LIS ending at i" among others: the only one saying LIS
            if not by_row and _CASE_HEADER.match(column) \
                    and label.strip().lower() in ("space", "memory", "extra space") and any(
                    _CASE_HEADER.match(h) and g[0] == main
                    for h, g in zip(header[1:c + 1], grid[r][:c], strict=False)):
                continue  # "Space | O(n) | O(n)": the worst case as the average, asked once
            mostly_yes_no = sum(m.strip().lower() in _BOOLEAN for m, _ in (
                grid[r] if by_row else [g[c] for g in grid if c < len(g)])) * 2 > len(grid[r])
            short = 2 <= len(choices) <= 6 and all(len(x) <= 40 for x in choices)
            # "O(보통)", "언어/런타임이 관리" among O and X: a remark, not a value to ask
            # ("How many": a question word for a column, which no template words well)
            confident = not cumulative \
                and not re.match(r"how (?:many|much|often|long)\b", attribute, re.I) \
                and not (FLAG.match(subject)
                         and not (path and COMMAND_NAME.search(path[-1]))) \
                and len(main) <= 120 and len(subject) <= 40 and len(attribute) <= 40 \
                and not (mostly_yes_no and main.strip().lower() not in _BOOLEAN
                         and not YES_NO_REASON.match(main))
            out.append(Unit("cell", path, f"{label}/{column}", (line, line), confident,
                            subject=subject, label=attribute, context=title, answer=main,
                            choices=tuple(choices) if short else (), explanation=explanation,
                            article=article if not by_row else
                            ("code" if _all_code(table.header[c + 1]) else None)))
    return out
