"""Discord's size limits on messages, components, modals and commands (400, code 50035).

The bot must cut long text itself; if the emulator accepted a 2,001-character
message the bug would only show on the real Discord.
"""

from __future__ import annotations

from typing import Any

from .state import JSON

LOCALES = frozenset({
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu",
    "nl", "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru",
    "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko",
})
COMPONENTS_V2 = 1 << 15
EMBED_TEXT_LIMITS = {"title": 256, "description": 4096}


class Problems:
    """Collects errors under their JSON path, shaped like Discord's ``errors`` object."""

    def __init__(self) -> None:
        self.errors: JSON = {}

    def add(self, path: tuple[Any, ...], message: str) -> None:
        node = self.errors
        for key in path:
            node = node.setdefault(str(key), {})
        node.setdefault("_errors", []).append({"code": "BASE_TYPE_INVALID", "message": message})

    def max_len(self, path: tuple[Any, ...], value: Any, limit: int) -> None:
        if isinstance(value, str) and len(value) > limit:
            self.add(path, f"Must be {limit} or fewer in length.")

    def count(self, path: tuple[Any, ...], items: list[Any], limit: int) -> None:
        if len(items) > limit:
            self.add(path, f"Must be {limit} or fewer in length.")


def message_problems(body: JSON) -> JSON:
    """Errors for a message create/edit body (empty when Discord would accept it)."""
    p = Problems()
    p.max_len(("content",), body.get("content"), 2000)
    embeds = body.get("embeds") or []
    p.count(("embeds",), embeds, 10)
    total = 0
    for i, embed in enumerate(embeds):
        for key, limit in EMBED_TEXT_LIMITS.items():
            p.max_len(("embeds", i, key), embed.get(key), limit)
        fields = embed.get("fields") or []
        p.count(("embeds", i, "fields"), fields, 25)
        for j, field in enumerate(fields):
            for key, limit in (("name", 256), ("value", 1024)):
                if not isinstance(field.get(key), str) or not field[key]:
                    p.add(("embeds", i, "fields", j, key), "This field is required")
                p.max_len(("embeds", i, "fields", j, key), field.get(key), limit)
        footer = (embed.get("footer") or {}).get("text")
        author = (embed.get("author") or {}).get("name")
        p.max_len(("embeds", i, "footer", "text"), footer, 2048)
        p.max_len(("embeds", i, "author", "name"), author, 256)
        texts = [embed.get("title"), embed.get("description"), footer, author]
        texts += [f.get(k) for f in fields for k in ("name", "value")]
        total += sum(len(t) for t in texts if isinstance(t, str))
    if total > 6000:
        p.add(("embeds",), "Embed size exceeds maximum size of 6000")
    components = body.get("components") or []
    if (body.get("flags") or 0) & COMPONENTS_V2:
        _components_v2(p, components)
    else:
        _action_rows(p, components)
    return p.errors


def _action_rows(p: Problems, rows: list[JSON]) -> None:
    p.count(("components",), rows, 5)
    for i, row in enumerate(rows):
        items = row.get("components") or []
        selects = [c for c in items if c.get("type") in (3, 5, 6, 7, 8)]
        if not items or len(items) > 5 or (selects and len(items) > 1):
            p.add(("components", i, "components"),
                  "An action row holds 1-5 buttons or exactly one select menu.")
        for j, item in enumerate(items):
            _interactive(p, ("components", i, "components", j), item)


def _components_v2(p: Problems, components: list[JSON]) -> None:
    seen = 0

    def walk(path: tuple[Any, ...], items: list[JSON]) -> None:
        nonlocal seen
        for i, item in enumerate(items):
            seen += 1
            _interactive(p, (*path, i), item)
            walk((*path, i, "components"), item.get("components") or [])
            for key in ("component", "accessory"):
                if isinstance(item.get(key), dict):
                    walk((*path, i, key), [item[key]])

    walk(("components",), components)
    if seen > 40:
        p.add(("components",), "Must be 40 or fewer in total.")


def _interactive(p: Problems, path: tuple[Any, ...], item: JSON) -> None:
    if "custom_id" in item and not 1 <= len(item["custom_id"] or "") <= 100:
        p.add((*path, "custom_id"), "Must be between 1 and 100 in length.")
    p.max_len((*path, "label"), item.get("label"), 80)
    p.max_len((*path, "placeholder"), item.get("placeholder"), 150)
    options = item.get("options") or []
    p.count((*path, "options"), options, 25)
    for k, option in enumerate(options):
        for key in ("label", "value", "description"):
            p.max_len((*path, "options", k, key), option.get(key), 100)


def modal_problems(data: JSON) -> JSON:
    p = Problems()
    p.max_len(("title",), data.get("title"), 45)
    if not 1 <= len(data.get("custom_id") or "") <= 100:
        p.add(("custom_id",), "Must be between 1 and 100 in length.")
    rows = data.get("components") or []
    if not 1 <= len(rows) <= 5:
        p.add(("components",), "A modal holds 1 to 5 components.")
    for i, row in enumerate(rows):
        p.max_len(("components", i, "label"), row.get("label"), 45)
        for j, item in enumerate([*(row.get("components") or []), row.get("component") or {}]):
            if item.get("type") == 4:
                p.max_len(("components", i, j, "label"), item.get("label"), 45)
                p.max_len(("components", i, j, "value"), item.get("value"), 4000)
                p.max_len(("components", i, j, "placeholder"), item.get("placeholder"), 100)
    return p.errors


def _name_ok(name: Any, chat_input: bool) -> bool:
    if not isinstance(name, str) or not 1 <= len(name) <= 32:
        return False
    if chat_input and name != name.lower():
        return False
    return all(ch.isalnum() or ch in "-_'" for ch in name) if chat_input else True


def _named(p: Problems, path: tuple[Any, ...], obj: JSON, chat_input: bool) -> None:
    """Name, description and their localizations, for a command or an option."""
    if not _name_ok(obj.get("name"), chat_input):
        p.add((*path, "name"), "Invalid name: 1-32 lowercase letters, digits, - _ '.")
    for locale, name in (obj.get("name_localizations") or {}).items():
        if locale not in LOCALES:
            p.add((*path, "name_localizations", locale), "Invalid locale.")
        elif not _name_ok(name, chat_input):
            p.add((*path, "name_localizations", locale), "Invalid localized name.")
    if chat_input:
        texts: dict[tuple[str, ...], Any] = {("description",): obj.get("description")}
        for locale, text in (obj.get("description_localizations") or {}).items():
            texts[("description_localizations", locale)] = text
            if locale not in LOCALES:
                p.add((*path, "description_localizations", locale), "Invalid locale.")
        for key, text in texts.items():
            if not isinstance(text, str) or not 1 <= len(text) <= 100:
                p.add((*path, *key), "Must be between 1 and 100 in length.")


def commands_problems(bodies: list[JSON]) -> JSON:
    """Errors for a bulk overwrite of application commands."""
    p = Problems()
    seen: set[tuple[Any, Any]] = set()
    for i, command in enumerate(bodies):
        kind = command.get("type", 1)
        if (kind, command.get("name")) in seen:
            p.add((i, "name"), "Application command names must be unique")
        seen.add((kind, command.get("name")))
        _named(p, (i,), command, kind == 1)
        _options(p, (i, "options"), command.get("options") or [])
    if len([b for b in bodies if b.get("type", 1) == 1]) > 100:
        p.add((), "Maximum number of application commands reached (100)")
    return p.errors


def _options(p: Problems, path: tuple[Any, ...], options: list[JSON]) -> None:
    p.count(path, options, 25)
    optional_seen = False
    for i, option in enumerate(options):
        _named(p, (*path, i), option, True)
        if option.get("required") and optional_seen:
            p.add((*path, i, "required"), "Required options must be placed before optional.")
        optional_seen = optional_seen or (not option.get("required")
                                          and option.get("type") not in (1, 2))
        choices = option.get("choices") or []
        if option.get("autocomplete"):
            if choices:
                p.add((*path, i, "autocomplete"),
                      "Autocomplete cannot be set on an option that has choices.")
            if option.get("type") not in AUTOCOMPLETE_TYPES:
                p.add((*path, i, "autocomplete"),
                      "Only string, integer and number options can autocomplete.")
        p.count((*path, i, "choices"), choices, 25)
        for j, choice in enumerate(choices):
            p.max_len((*path, i, "choices", j, "name"), choice.get("name"), 100)
        _options(p, (*path, i, "options"), option.get("options") or [])


AUTOCOMPLETE_TYPES = (3, 4, 10)  # string, integer, number
MAX_SAFE_INTEGER = 2**53  # Discord's integers are JavaScript numbers


def _choice_value_ok(kind: int, value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if kind == 3:
        return isinstance(value, str) and len(value) <= 100
    if kind == 4:
        return isinstance(value, int) and -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER
    return isinstance(value, int | float) and -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER


def autocomplete_problems(data: JSON, option: JSON) -> JSON:
    """Errors for a type-8 callback's ``data`` answering the focused ``option``.

    The user's client would show nothing and the bot would get a 400, so an
    over-long list or a value of the wrong type must fail here as it does there.
    """
    p = Problems()
    choices = data.get("choices")
    if not isinstance(choices, list):
        p.add(("choices",), "This field is required")
        return p.errors
    p.count(("choices",), choices, 25)
    kind = option.get("type", 3)
    for i, choice in enumerate(choices):
        if not isinstance(choice, dict):
            p.add(("choices", i), "Must be an object.")
            continue
        name = choice.get("name")
        if not isinstance(name, str) or not 1 <= len(name) <= 100:
            p.add(("choices", i, "name"), "Must be between 1 and 100 in length.")
        for locale, text in (choice.get("name_localizations") or {}).items():
            if locale not in LOCALES:
                p.add(("choices", i, "name_localizations", locale), "Invalid locale.")
            elif not isinstance(text, str) or not 1 <= len(text) <= 100:
                p.add(("choices", i, "name_localizations", locale),
                      "Must be between 1 and 100 in length.")
        if not _choice_value_ok(kind, choice.get("value")):
            p.add(("choices", i, "value"), f"Not a valid value for an option of type {kind}.")
    return p.errors
