"""Every message reads right whatever is inserted: particles that agree, commands by the
name the reader's client shows, and no English words inside Korean sentences."""

from __future__ import annotations

import itertools
import re
import string

import pytest

from bot.i18n import SUPPORTED, t
from bot.i18n.catalogue import MESSAGES, command, particle_spec, placeholders
from bot.i18n.particles import PARTICLES, particle

#: Values of every kind a message inserts: Hangul with and without 받침 and ending in ㄹ,
#: Latin words and acronyms read both ways, digits, brackets, and a command name.
SAMPLES = (
    "설정", "도커", "파일", "DNS", "HTML", "SQL", "Python", "setup", "cloud-basics",
    "가상머신(VM)", "[클라우드]", "/오늘의문제 설정", "/덱", "EC2", "10",
)
NUMBERS = (1, 2, 3, 10, 12)
#: Particle forms, longest first, so 이란 is read as 이란 and not as 이.
FORMS = sorted(PARTICLES, key=len, reverse=True)
#: What may close around an inserted value before its particle.
CLOSERS = "'\"`*)]」』"


def _fields(template: str) -> list[tuple[str, str | None, str | None]]:
    """(literal before, field name, format spec) of every field of a template."""
    return [(literal, name, spec) for literal, name, spec, _ in string.Formatter().parse(template)]


def _values(template: str, sample: str, number: int) -> dict[str, object]:
    """Every placeholder filled: numbers where the template formats a number, else ``sample``."""
    values: dict[str, object] = {}
    for _, name, spec in _fields(template):
        if name is None or name.startswith("/"):
            continue
        numeric = bool(spec) and particle_spec(spec or "") is None
        values[name] = number if numeric else sample
    return values


def _wrong_particles(rendered: str, sample: str) -> list[str]:
    """Every particle that follows ``sample`` in ``rendered`` in the wrong form."""
    wrong = []
    for found in re.finditer(re.escape(sample), rendered):
        tail = rendered[found.end():].lstrip(CLOSERS)
        form = next((f for f in FORMS if tail.startswith(f)), None)
        if form is not None and particle(sample, form) != form:
            wrong.append(f"{sample}{rendered[found.end():found.end() + 6]}")
    return wrong


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_command_a_message_names_exists_in_both_languages(key: str) -> None:
    for lang in SUPPORTED:
        for name in placeholders(MESSAGES[key][lang]):
            if name.startswith("/"):
                assert command(name, lang) is not None, (key, lang, name)


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_no_korean_message_fixes_a_particle_after_a_placeholder(key: str) -> None:
    # "{setup}로" is right only for some values; "{setup:으로}" for all of them.
    fields = _fields(MESSAGES[key]["ko"])
    for (_, name, spec), (after, _, _) in itertools.pairwise(fields):
        if name is None or (spec and particle_spec(spec)):
            continue
        tail = after.lstrip(CLOSERS)
        assert not any(tail.startswith(form) for form in FORMS), (key, name, after[:6])


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_no_korean_message_offers_both_forms_of_a_particle(key: str) -> None:
    # "은(는)", "(으)로" read as a form being filled in; the catalogue picks one.
    both = r"은\(는\)|\(으\)로|을\(를\)|이\(가\)|과\(와\)|\(이\)"
    assert not re.search(both, MESSAGES[key]["ko"]), key


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_renders_with_values_of_every_script(key: str) -> None:
    for lang in SUPPORTED:
        template = MESSAGES[key][lang]
        for sample, number in zip(SAMPLES, NUMBERS * 3, strict=True):
            rendered = t(key, lang, **_values(template, sample, number))
            # Braces shown on purpose (a cloze `{{c1::…}}`, YAML) are set as code.
            prose = re.sub(r"`[^`]*`", "", rendered)
            assert not re.search(r"\{[^{}\s]+\}", prose), (key, lang, rendered)
            if lang == "ko":
                assert _wrong_particles(rendered, sample) == [], (key, rendered)


#: Latin words that belong in Korean text: names, keys, values to type, formats.
KNOWN_IN_KOREAN = {
    "Anki", "Asia/Seoul", "DM", "Discord", "EF", "English", "Enter", "ID", "SIGHUP", "SM-2",
    "FSRS", "D-",  # the scheduler's name, and "D-30" as Koreans count down to an exam
    "YAML", "MiB",  # the deck file's format, its size unit
    "STUDYBOT_DISCORD_TOKEN", "UTF-8", "intent", "ko", "en", "csv", "json", "apkg",
    "k", "e", "d", "s", "q",  # the keys of deck review and the terminal
}
#: What a maintainer types as is: console commands, options, file types, and any literal
#: value set in backticks (`true`, `https://`).
TYPED_AS_IS = re.compile(r"`[^`]*`|studybot(?: [a-z-]+)*|--?[a-z][\w-]*|\*?\.[a-z]+(?![a-z])|0x")


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_korean_messages_use_no_english_where_korean_reads_naturally(key: str) -> None:
    if key.startswith("cmd.") and key.endswith(".name"):
        return
    text = TYPED_AS_IS.sub("", re.sub(r"\{[^{}]*\}", "", MESSAGES[key]["ko"]))
    foreign = set(re.findall(r"[A-Za-z][A-Za-z0-9_./-]*", text)) - KNOWN_IN_KOREAN
    assert not foreign, (key, foreign)


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_english_messages_take_no_korean_particles(key: str) -> None:
    for _, _, spec in _fields(MESSAGES[key]["en"]):
        assert not (spec and particle_spec(spec) and particle_spec(spec)[1]), key  # type: ignore[index]
