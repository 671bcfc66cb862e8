"""siblings and mistakes: a card's sibling key, a study session's mode

Revision ID: 0007_siblings_and_mistakes
Revises: 0006_scheduling
Create Date: 2026-11-27 09:00:00

``cards.sibling`` is what the faces of one card and the cards of one source
unit share, so the queue shows one of them a day.  Every deck sync writes it
(bot.decks.siblings); the app syncs every deck when it starts, right after
upgrading, and until then NULL reads as "a group of its own".
``study_sessions.mode`` tells a mistakes drill (answers logged, never
rescheduled) from a review session; every session before this revision was
a review.

Self-contained (no import of the app's models), so it keeps describing this
step even after the models move on.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_siblings_and_mistakes"
down_revision: str | Sequence[str] | None = "0006_scheduling"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("cards", sa.Column("sibling", sa.String(length=16), nullable=True))
    op.add_column(
        "study_sessions",
        sa.Column("mode", sa.String(length=16), nullable=False, server_default="review"),
    )


def downgrade() -> None:
    # Not in batch mode: on SQLite that copies the table, and dropping the old copy of a
    # parent table (foreign keys are on) would empty its children (review states, prompts)
    # through ON DELETE CASCADE.  ALTER TABLE ... DROP COLUMN (SQLite 3.35 and later) leaves
    # the rows where they are.
    op.drop_column("study_sessions", "mode")
    op.drop_column("cards", "sibling")
