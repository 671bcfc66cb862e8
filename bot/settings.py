"""Configuration from the environment and `.env` (pydantic-settings).

Every setting has the ``STUDYBOT_`` prefix and is listed in `.env.example`.
Defaults give the embedded set-up: SQLite next to where you run, the shipped
decks, Korean, Asia/Seoul.  The token is a ``SecretStr`` so it never shows in a
repr, a log line or an error.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.srs.day import zone

#: The decks shipped with the project (the repository's decks/ folder).
SHIPPED_DECKS_DIR = Path(__file__).resolve().parent.parent / "decks"

Language = Literal["ko", "en"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="STUDYBOT_",
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
    )

    database_url: str = "sqlite+aiosqlite:///studybot.db"
    decks_dir: Path = SHIPPED_DECKS_DIR
    language: Language = "ko"
    timezone: str = "Asia/Seoul"
    rollover_hour: int = Field(default=4, ge=0, le=23)
    new_per_day: int = Field(default=20, ge=0, le=1000)
    reviews_per_day: int = Field(default=200, ge=0, le=10000)
    log_level: str = "INFO"

    # Discord
    discord_token: SecretStr | None = None
    discord_api_base: str | None = None
    discord_gateway: str | None = None
    dev_guild_id: int | None = None
    owner_ids: list[int] = Field(default_factory=list)
    maintainer_role_id: int | None = None
    guild_ready_timeout: float = Field(default=2.0, ge=0)
    shard_count: int | None = Field(default=None, ge=1)
    shard_ids: list[int] | None = None

    # Jobs
    daily_grace_minutes: int = Field(default=60, ge=0)
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


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
