"""The token must not reach the log, whichever way a record carries it."""

from __future__ import annotations

import io
import logging

from bot.discord.runner import REDACTED, RedactSecrets

TOKEN = "MTAxNTk.secret.token-value"


def _logged(emit: object) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactSecrets([TOKEN]))
    logger = logging.getLogger("test.redact")
    logger.handlers = [handler]
    logger.propagate = False
    assert callable(emit)
    emit(logger)
    return stream.getvalue()


def test_token_in_message_args_and_traceback_is_redacted() -> None:
    def emit(log: logging.Logger) -> None:
        log.warning("token is %s", TOKEN)
        log.warning(f"inline {TOKEN}")
        try:
            raise RuntimeError(f"login with {TOKEN} failed")
        except RuntimeError:
            log.exception("boom")

    out = _logged(emit)
    assert TOKEN not in out
    assert out.count(REDACTED) == 3  # message, f-string, exception text
    assert "RuntimeError" in out  # the traceback itself is kept


def test_records_without_secrets_are_untouched() -> None:
    out = _logged(lambda log: log.warning("synced %d commands", 5))
    assert out == "synced 5 commands\n"
