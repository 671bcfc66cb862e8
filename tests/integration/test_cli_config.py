"""The real `studybot` process with settings it cannot use: one line per bad setting, exit 2.

Settings are read before the log's secret filter exists, so a token pasted
into the wrong variable must not be echoed by any error; values out of range
must stop the process before anything starts, not crash it later.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

TOKEN = "MTE3NTA5MTI2OTkzMDA1NzcyOA.GhX2yQ.s3cr3tHmacPart-mustNeverLeak_0123456789ab"


def secrets_of(token: str) -> list[str]:
    """The token and the pieces of it that would identify it (its first part is public)."""
    _, stamp, hmac = token.split(".")
    return [token, hmac, f"{stamp}.{hmac}", hmac[: len(hmac) // 2], hmac[len(hmac) // 2 :],
            hmac[:12], hmac[-12:]]


def studybot(cwd: Path, *args: str, env: dict[str, str] | None = None,
             stdin: str = "") -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("STUDYBOT_")}
    clean.update({"PYTHONPATH": str(REPO), "STUDYBOT_LANGUAGE": "en"})
    clean.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], cwd=cwd, env=clean, input=stdin,
        capture_output=True, text=True, timeout=60, check=False,
    )


def one_line_each(result: subprocess.CompletedProcess[str], *names: str) -> list[str]:
    """stderr holds exactly one line per name, each naming it; no traceback anywhere."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == len(names), result.stderr
    for line, name in zip(lines, names, strict=True):
        assert name in line, (name, line)
    return lines


SETTINGS = [
    "TIMEZONE", "DEV_GUILD_ID", "MAINTAINER_ROLE_ID", "ROLLOVER_HOUR", "LANGUAGE",
    "OWNER_IDS", "SHARD_IDS", "SHARD_COUNT", "LOG_LEVEL", "DATABASE_URL",
    "DAILY_GRACE_MINUTES", "GUILD_READY_TIMEOUT", "NEW_PER_DAY", "REVIEWS_PER_DAY",
    "DISCORD_API_BASE", "DISCORD_GATEWAY", "LOOP_LAG_MONITOR",
]  # fmt: skip


@pytest.mark.parametrize("name", SETTINGS)
def test_a_token_pasted_into_another_setting_is_named_never_shown(
        tmp_path: Path, name: str) -> None:
    variable = f"STUDYBOT_{name}"
    result = studybot(tmp_path, "run", env={variable: TOKEN, "STUDYBOT_DISCORD_TOKEN": TOKEN})
    assert result.returncode == 2, result.stderr
    one_line_each(result, variable)
    for secret in secrets_of(TOKEN):
        assert secret not in result.stdout + result.stderr


@pytest.mark.parametrize(("name", "value"), [
    ("DAILY_GRACE_MINUTES", "99999999999999"),
    ("DAILY_GRACE_MINUTES", "-1"),
    ("ROLLOVER_HOUR", "24"),
    ("NEW_PER_DAY", "1000000"),
    ("REVIEWS_PER_DAY", "-5"),
    ("GUILD_READY_TIMEOUT", "inf"),
    ("GUILD_READY_TIMEOUT", "nan"),
    ("GUILD_READY_TIMEOUT", "1e300"),
    ("DEV_GUILD_ID", str(2**64)),
    ("MAINTAINER_ROLE_ID", "0"),
    ("OWNER_IDS", f"[1, {2**63}]"),
    ("OWNER_IDS", "[1, 2"),
    ("SHARD_COUNT", "0"),
    ("SHARD_COUNT", str(10**12)),
    ("SHARD_IDS", "[-1]"),
    ("TIMEZONE", "Asia"),
    ("LOG_LEVEL", "LOUD"),
])  # fmt: skip
def test_a_value_out_of_bounds_stops_start_up_with_one_line(
        tmp_path: Path, name: str, value: str) -> None:
    result = studybot(tmp_path, "run", env={f"STUDYBOT_{name}": value,
                                            "STUDYBOT_DISCORD_TOKEN": TOKEN})
    assert result.returncode == 2, result.stderr
    [line] = one_line_each(result, f"STUDYBOT_{name}")
    assert line.startswith("studybot: ")


@pytest.mark.parametrize("command", [["study"], ["db", "upgrade"], ["db", "verify"],
                                     ["deck", "export-progress"]])
def test_every_command_reports_every_bad_setting(tmp_path: Path, command: list[str]) -> None:
    result = studybot(tmp_path, *command, env={"STUDYBOT_TIMEZONE": TOKEN,
                                               "STUDYBOT_ROLLOVER_HOUR": "99"})
    assert result.returncode == 2, result.stderr
    one_line_each(result, "STUDYBOT_TIMEZONE", "STUDYBOT_ROLLOVER_HOUR")
    assert TOKEN[-12:] not in result.stderr
    assert not (tmp_path / "studybot.db").exists()  # nothing was started


def test_a_bad_setting_in_dot_env_is_named_like_one_in_the_environment(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"STUDYBOT_DEV_GUILD_ID={TOKEN}\n", encoding="utf-8")
    result = studybot(tmp_path, "run", env={"STUDYBOT_DISCORD_TOKEN": TOKEN})
    assert result.returncode == 2
    one_line_each(result, "STUDYBOT_DEV_GUILD_ID")
    assert TOKEN[-12:] not in result.stderr


def test_a_dot_env_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"STUDYBOT_TIMEZONE=\xff\xfe\n")
    result = studybot(tmp_path, "db", "verify")
    assert result.returncode == 2
    [line] = one_line_each(result, ".env")
    assert "UTF-8" in line


def test_a_bad_option_is_named_as_typed(tmp_path: Path) -> None:
    result = studybot(tmp_path, "db", "verify", "--db", f"postgresql://{TOKEN}@")
    assert result.returncode == 2, result.stderr
    [line] = one_line_each(result, "--db")
    assert "environment" not in line
    assert TOKEN[-12:] not in result.stderr


def test_the_lines_follow_the_language_setting(tmp_path: Path) -> None:
    result = studybot(tmp_path, "study", env={"STUDYBOT_LANGUAGE": "ko",
                                              "STUDYBOT_ROLLOVER_HOUR": "24"})
    assert result.returncode == 2
    [line] = one_line_each(result, "STUDYBOT_ROLLOVER_HOUR")
    assert "0부터 23까지" in line


def test_lists_read_as_json_or_comma_separated() -> None:
    from bot.settings import load_settings

    assert load_settings({"owner_ids": "[1, 2]"}).owner_ids == [1, 2]
    assert load_settings({"owner_ids": "1, 2"}).owner_ids == [1, 2]
    assert load_settings({"shard_ids": [0, 1], "shard_count": 2}).shard_ids == [0, 1]
