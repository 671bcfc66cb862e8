"""kept study day: a change of zone or rollover hour no longer cuts the day short

Revision ID: 0005_kept_study_day
Revises: 0004_shown_choices
Create Date: 2026-11-26 10:00:00

A learner who changes zone or rollover hour keeps the study day in
progress until it would have ended under the old settings; NULL (every
learner before this revision) means there is nothing to keep.

Self-contained (no import of the app's models), so it keeps describing this
step even after the models move on.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_kept_study_day"
down_revision: str | Sequence[str] | None = "0004_shown_choices"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kept_day", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("kept_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("kept_until")
        batch_op.drop_column("kept_day")
