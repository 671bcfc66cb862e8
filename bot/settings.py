"""Configuration from the environment and `.env` (pydantic-settings).

Every setting has the ``STUDYBOT_`` prefix and is listed in `.env.example`.
Defaults give the embedded set-up: SQLite next to where you run, the shipped
decks, Korean, Asia/Seoul.  The token is a ``SecretStr`` so it never shows in a
repr, a log line or an error.

Every setting is bounded: a value the bot could not run with (an hour of 25, a
grace period of a million years, an id beyond 64 bits) is refused when the
settings are read, before anything starts.  `load_settings` turns pydantic's
errors into `SettingsInvalid`, which names each bad variable and never carries
its value: settings are read before the log's secret filter exists, and a
token pasted into the wrong variable must not end up in a terminal or a journal.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict, SettingsError

from bot.srs.day import zone

#: The decks shipped with the project (the repository's decks/ folder).
SHIPPED_DECKS_DIR = Path(__file__).resolve().parent.parent / "decks"

ENV_PREFIX = "STUDYBOT_"
ENV_FILE = ".env"

Language = Literal["ko", "en"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]

#: Discord ids (snowflakes) are positive and stored in signed 64-bit columns.
MAX_SNOWFLAKE = 2**63 - 1
#: Most shards one bot may declare; Discord's largest bots run a few thousand.
MAX_SHARDS = 10_000
#: Most owner ids listed in STUDYBOT_OWNER_IDS.
MAX_OWNERS = 100
#: A daily post missed for longer than a day belongs to a day already over.
MAX_GRACE_MINUTES = 24 * 60
#: Longest wait for guilds after READY, in seconds.
MAX_GUILD_READY_TIMEOUT = 60.0
MAX_NEW_PER_DAY = 1000
MAX_REVIEWS_PER_DAY = 10_000

Snowflake = Annotated[int, Field(ge=1, le=MAX_SNOWFLAKE)]
ShardId = Annotated[int, Field(ge=0, lt=MAX_SHARDS)]


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("not a finite number")
    return value


def _list_of_numbers(value: object) -> object:
    """A JSON list (``[1, 2]``), a comma-separated list (``1,2``) or one number."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.startswith("["):
        try:
            return json.loads(text)
        except ValueError:
            raise ValueError("not a JSON list") from None
    return [part.strip() for part in text.split(",") if part.strip()]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_file=ENV_FILE,
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
    )

    database_url: str = "sqlite+aiosqlite:///studybot.db"
    decks_dir: Path = SHIPPED_DECKS_DIR
    language: Language = "ko"
    timezone: str = "Asia/Seoul"
    rollover_hour: int = Field(default=4, ge=0, le=23)
    new_per_day: int = Field(default=20, ge=0, le=MAX_NEW_PER_DAY)
    reviews_per_day: int = Field(default=200, ge=0, le=MAX_REVIEWS_PER_DAY)
    log_level: LogLevel = "INFO"

    # Discord
    discord_token: SecretStr | None = None
    discord_api_base: str | None = None
    discord_gateway: str | None = None
    dev_guild_id: Snowflake | None = None
    owner_ids: Annotated[list[Snowflake], NoDecode, Field(max_length=MAX_OWNERS)] = Field(
        default_factory=list
    )
    maintainer_role_id: Snowflake | None = None
    guild_ready_timeout: Annotated[float, AfterValidator(_finite)] = Field(
        default=2.0, ge=0, le=MAX_GUILD_READY_TIMEOUT
    )
    shard_count: int | None = Field(default=None, ge=1, le=MAX_SHARDS)
    shard_ids: Annotated[list[ShardId], NoDecode, Field(max_length=MAX_SHARDS)] | None = None

    # Jobs
    daily_grace_minutes: int = Field(default=60, ge=0, le=MAX_GRACE_MINUTES)
    #: A file holding an ISO-8601 UTC instant that replaces the system clock
    #: (end-to-end tests move the bot's time by rewriting it).  Unset in production.
    clock_file: Path | None = None
    #: Log the event loop's longest stall during each deck reload (benchmarks).
    loop_lag_monitor: bool = False

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        zone(value)
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _level_in_any_case(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("owner_ids", "shard_ids", mode="before")
    @classmethod
    def _numbers(cls, value: object) -> object:
        return _list_of_numbers(value)

    @field_validator("database_url")
    @classmethod
    def _async_database_url(cls, value: str) -> str:
        # Imported here: `studybot deck check` reads no settings and should not load SQLAlchemy.
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError, NoSuchModuleError

        try:
            dialect = make_url(value).get_dialect()
        except (ArgumentError, NoSuchModuleError, ValueError):
            raise ValueError("not a database URL SQLAlchemy knows") from None
        if not getattr(dialect, "is_async", False):
            raise ValueError("not the URL of an async driver")
        try:
            dialect.import_dbapi()
        except ImportError:
            raise ValueError("the URL's driver is not installed") from None
        return value

    @field_validator("discord_api_base")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        return _url(value, ("http://", "https://"))

    @field_validator("discord_gateway")
    @classmethod
    def _ws_url(cls, value: str | None) -> str | None:
        return _url(value, ("ws://", "wss://"))


def _url(value: str | None, schemes: tuple[str, ...]) -> str | None:
    if value is not None and not value.startswith(schemes):
        raise ValueError("not a URL of the expected scheme")
    return value


@dataclass(frozen=True, slots=True)
class BadSetting:
    """One setting that cannot be used: its field and where it came from (never its value)."""

    field: str
    #: The command-line option that gave it, or None for the environment / .env.
    option: str | None = None

    @property
    def name(self) -> str:
        return self.option or ENV_PREFIX + self.field.upper()


class SettingsInvalid(Exception):
    """Some settings cannot be used; each is named, none of their values is kept."""

    def __init__(self, bad: list[BadSetting]) -> None:
        super().__init__(", ".join(setting.name for setting in bad))
        self.bad = bad


def load_settings(
    overrides: Mapping[str, object] | None = None, options: Mapping[str, str] | None = None
) -> Settings:
    """Settings from the environment and .env, with ``overrides`` (command-line options) on top.

    ``options`` names the option that gave each override, so an error points at
    what the user typed.  Raises `SettingsInvalid`, whose message and attributes
    hold names only: pydantic's own errors quote the input, and the input may be
    a token pasted into the wrong variable.
    """
    given: dict[str, Any] = dict(overrides or {})
    named = options or {}
    try:
        return Settings(**given)
    except ValidationError as error:
        fields = dict.fromkeys(str(e["loc"][0]) for e in error.errors() if e["loc"])
        bad = [BadSetting(f, named.get(f) if f in given else None) for f in fields]
    except SettingsError as error:
        # pydantic-settings could not even decode a value; it names the field in its message.
        bad = [BadSetting(f) for f in Settings.model_fields if f'"{f}"' in str(error)]
        bad = bad or [BadSetting("settings")]
    except (UnicodeDecodeError, OSError):
        bad = [BadSetting("env_file", option=ENV_FILE)]  # not UTF-8, or not a readable file
    raise SettingsInvalid(bad) from None


class _LanguageOnly(BaseSettings):
    """STUDYBOT_LANGUAGE read on its own, to report the other settings' problems in it."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_file=ENV_FILE, env_file_encoding="utf-8",
        env_ignore_empty=True, extra="ignore",
    )  # fmt: skip

    language: str | None = None


def configured_language(default: Language = "ko") -> Language:
    """The language the settings ask for, even when other settings are broken."""
    try:
        value = _LanguageOnly().language
    except (ValidationError, SettingsError, ValueError, OSError):  # ValueError: not UTF-8
        value = os.environ.get(ENV_PREFIX + "LANGUAGE")  # .env itself is what is broken
    return value if value in ("ko", "en") else default  # type: ignore[return-value]



@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings (Alembic's env.py reads the URL from here when run by hand)."""
    return load_settings()
