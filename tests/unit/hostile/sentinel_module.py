"""Imported only if a deck's YAML tag made the loader import it: the tests check it never is."""

from pathlib import Path

Path("/tmp/studybot-hostile-sentinel-imported").write_text("imported")


class Boom:
    """Constructing it would prove the loader builds objects from tags."""
