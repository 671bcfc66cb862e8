"""shown choices: a choice prompt and a daily post keep the options they showed

Revision ID: 0004_shown_choices
Revises: 0003_deck_admin
Create Date: 2026-11-26 09:00:00

A button carries an index into the options shown; with the options kept
beside it, a deck edit made while the face is on screen no longer changes
what the index means.  Rows from before have no copy (NULL) and are read as
before, from the card and the stored order.

Self-contained (no import of the app's models), so it keeps describing this
step even after the models move on.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_shown_choices"
down_revision: str | Sequence[str] | None = "0003_deck_admin"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("prompts", "daily_posts"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("shown", sa.JSON(), nullable=True))


def downgrade() -> None:
    for table in ("daily_posts", "prompts"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("shown")
