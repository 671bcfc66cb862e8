"""Rules that turn one section of a note into cards; `run_section` applies them in order."""

from __future__ import annotations

from bot.decks.generator import questions
from bot.decks.generator.extract import (
    aliases,
    definitions,
    facts,
    labels,
    lists,
    processes,
    qa,
    tables,
)
from bot.decks.generator.extract.context import Ctx
from bot.decks.generator.markdown import ListBlock, Table
from bot.decks.generator.sentences import Sentence, join_broken_paragraphs, split_sentences
from bot.decks.generator.terms import clean_title, split_alias

__all__ = ["Ctx", "run_section"]


class _Pending:
    """A label whose values are in the list that follows ("장점:" then "- …")."""

    def __init__(self) -> None:
        self.kind: str | None = None
        self.positive = True
        self.lines: tuple[int, int] = (0, 0)


def _emit_definition(ctx: Ctx, found: definitions.Definition, lines: tuple[int, int],
                     *, label: bool = False) -> None:
    """`label` marks "X: …" lines: parts of the subject (JWT's 헤더, 서명), which must not
    become what a later "단점:" or "ex)" is about."""
    term = _heading_spelling(ctx, found.term)
    key = _term_key(term)
    if found.stands_for:
        aliases.extract(ctx, term, found.meaning, lines)
        ctx.defined.append(term)
        return
    if found.front is not None:
        ctx.basic("definition", term, lines, found.front, found.meaning)
    elif key in ctx.known or any(key == _term_key(d) for d in ctx.defined):
        ctx.basic("reverse", term, lines, questions.reverse_definition(found.meaning, ctx.lang),
                  term)
    else:
        ctx.basic("definition", term, lines,
                  questions.definition(term, ctx.lang, found.article), found.meaning)
    ctx.defined.append(term)
    if not label:
        ctx.just_defined = term
        if not ctx.term:
            ctx.topic = term
    if found.alias:
        aliases.extract(ctx, term, found.alias, lines)
    if found.example:  # joined with any "e.g." lines about the same term, in _flush
        ctx.inline_examples.append((term, found.example, lines))
    if found.analogy:
        ctx.ask_term("analogy", term, lines, questions.analogy(found.analogy, ctx.lang), term)
    if found.extra:
        facts.extract(ctx, found.extra, lines, subject=term)


def _heading_spelling(ctx: Ctx, term: str) -> str:
    """The body may run the heading's words together ("온프레미스방식은 …" under
    "# 온프레미스 방식"); the question then asks the term as the heading spells it."""
    if ctx.term and term != ctx.term and term.replace(" ", "") == ctx.term.replace(" ", ""):
        return ctx.term
    return term


def _term_key(term: str) -> str:
    key = term.replace(" ", "").casefold()
    for generic in ("방식", "method", "approach"):
        if key.endswith(generic) and len(key) > len(generic):
            key = key[: -len(generic)]
    return key


def _sentence(ctx: Ctx, sentence: Sentence, pending: _Pending, collected: dict[str, list[str]],
              spans: dict[str, tuple[int, int]]) -> None:
    text = labels.strip_note_prefix(labels.drop_figure_asides(sentence.text))
    lines = sentence.lines
    first = ctx.first_sentence
    ctx.first_sentence = False
    trailing = labels.trailing_analogy(text)
    if trailing is not None:
        text, analogy = trailing
        _emit_analogy(ctx, analogy, lines)
    value = labels.example(text)
    just_defined, ctx.just_defined = ctx.just_defined, None
    if value is not None:
        # An example right after a definition illustrates that term; otherwise the section's.
        subject = just_defined or ctx.subject()
        if subject and value:
            _collect(collected, spans, f"example\x00{subject}", value, lines)
        elif subject:
            pending.kind, pending.lines = f"example\x00{subject}", lines
        return
    pc = labels.pro_con(text)
    if pc is not None:
        positive, value, named = pc
        if named:
            ctx.named_subject = named
        subject = named or ctx.named_subject or ctx.subject()
        if subject is None:
            return
        kind = f"{'pro' if positive else 'con'}\x00{subject}"
        if value:
            _collect(collected, spans, kind, value, lines)
        else:
            pending.kind, pending.lines = kind, lines
        return
    found = definitions.parse(text, ctx.lang)
    if found is not None:
        _emit_definition(ctx, found, lines)
        return
    colon = definitions.colon_definition(text)
    if colon is not None:
        label, desc = colon
        term, alias = split_alias(label)
        front = None
        subject = ctx.subject()
        if definitions.is_attribute_label(term) and subject:
            front = questions.attribute(subject, term, ctx.lang)
        elif not definitions.defines(desc, ctx.lang):
            front = questions.labelled(ctx.term or ctx.section.title, term, ctx.lang)
        _emit_definition(ctx, definitions.Definition(term, alias, desc, front=front), lines,
                         label=True)
        return
    if first and ctx.term:
        meaning = definitions.heading_definition(text, ctx.lang)
        if meaning is not None:
            _emit_definition(ctx, definitions.Definition(ctx.term, None, meaning), lines)
            return
    facts.extract(ctx, text, lines)


def _collect(collected: dict[str, list[str]], spans: dict[str, tuple[int, int]], kind: str,
             value: str, lines: tuple[int, int]) -> None:
    collected.setdefault(kind, []).append(value)
    first, last = spans.get(kind, lines)
    spans[kind] = (min(first, lines[0]), max(last, lines[1]))


def _emit_analogy(ctx: Ctx, analogy: str, lines: tuple[int, int]) -> None:
    subject = ctx.subject()
    if subject is None:
        return
    ctx.ask_term("analogy", subject, lines, questions.analogy(analogy, ctx.lang), subject)


def _flush(ctx: Ctx, collected: dict[str, list[str]], spans: dict[str, tuple[int, int]]) -> None:
    for kind, values in collected.items():
        rule, subject = kind.split("\x00", 1)
        back = " / ".join(dict.fromkeys(v for v in values if v))
        if not back:
            continue
        if rule == "example":
            ctx.basic("example", subject, spans[kind], questions.example(subject, ctx.lang), back)
        else:
            positive = rule == "pro"
            ctx.basic("pros" if positive else "cons", subject, spans[kind],
                      questions.pro_con(subject, positive, ctx.lang), back)


def _list_block(ctx: Ctx, block: ListBlock, intro: Sentence | None, title: str,
                context: str, pending: _Pending, collected: dict[str, list[str]],
                spans: dict[str, tuple[int, int]]) -> None:
    block = ListBlock(block.ordered, [lists.relabel(item) for item in block.items])
    if pending.kind is not None:
        for item in block.items:
            for sentence in split_sentences(item):
                _collect(collected, spans, pending.kind, sentence.text, sentence.lines)
        pending.kind = None
        return
    label = lists.intro_label(intro.text) if intro is not None else None
    if lists.is_process(block, f"{context} {intro.text if intro else ''}") and processes.extract(
        ctx, block, label or title
    ):
        return
    if label is not None and intro is not None and lists.is_enumeration(block):
        values = lists.items(block)
        first = intro.lines[0]
        last = max(p.span()[1] for p in block.items)
        ctx.basic("list", label, (first, last),
                  questions.enumeration(ctx.subject(), label, ctx.lang), ", ".join(values))
        return
    if intro is not None:
        _sentence(ctx, intro, pending, collected, spans)
    for item in block.items:
        for sentence in split_sentences(item):
            _sentence(ctx, sentence, pending, collected, spans)


def run_section(ctx: Ctx) -> None:
    """Apply every rule to one section, in the order that lets specific rules win.

    Terms it defines are added to `ctx.known`, shared by the whole note, so a term
    defined again later is asked the other way round instead of twice.
    """
    section = ctx.section
    blocks = join_broken_paragraphs(section.blocks)
    if not blocks:
        return
    if ctx.term and ctx.alias and section.title:
        first_line = section.line
        aliases.extract(ctx, ctx.term, ctx.alias, (first_line, first_line))
    title = ctx.term or clean_title(section.title)
    pending = _Pending()
    collected: dict[str, list[str]] = {}
    spans: dict[str, tuple[int, int]] = {}
    intro: Sentence | None = None
    context = section.title
    asked: Sentence | None = None  # a question in the note, answered by what follows
    if ctx.term is None and qa.question(section.title) is not None:
        asked = Sentence(section.title, (section.line, section.line))
    try:
        for index, block in enumerate(blocks):
            if isinstance(block, Table):
                pending.kind = None
                tables.extract(ctx, block, clean_title(section.title) or title)
                continue
            if isinstance(block, ListBlock):
                if asked is not None:
                    qa.answer_with_list(ctx, asked, block)
                    asked = None
                    continue
                _list_block(ctx, block, intro, title, context, pending, collected, spans)
                intro = None
                continue
            pending.kind = None
            context += " " + block.text
            sentences = split_sentences(block)
            next_is_list = index + 1 < len(blocks) and isinstance(blocks[index + 1], ListBlock)
            skip = 0
            for number, sentence in enumerate(sentences):
                if skip:
                    skip -= 1
                    continue
                if asked is not None and qa.question(sentence.text) is None:
                    skip = qa.answer(ctx, asked, sentences[number:]) - 1
                    asked = None
                    continue
                if qa.question(sentence.text) is not None:
                    asked = sentence
                    continue
                analogy = labels.standalone_analogy(sentence.text)
                if analogy is not None:
                    _emit_analogy(ctx, analogy, sentence.lines)
                    continue
                last = number == len(sentences) - 1
                if (last and next_is_list and lists.intro_label(sentence.text) is not None
                        and labels.pro_con(sentence.text) is None
                        and labels.example(sentence.text) is None):
                    intro = sentence  # decided once the list is seen
                    continue
                _sentence(ctx, sentence, pending, collected, spans)
        for term, value, where in reversed(ctx.inline_examples):
            kind = f"example\x00{term}"
            collected[kind] = [value, *collected.get(kind, [])]
            low, high = spans.get(kind, where)
            spans[kind] = (min(low, where[0]), max(high, where[1]))
        _flush(ctx, collected, spans)
    finally:
        ctx.known.update(_term_key(term) for term in ctx.defined)
        ctx.add_to_glossary(ctx.defined)
