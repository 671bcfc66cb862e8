"""scheduling: FSRS beside SM-2, desired retention, exam dates, the exam per logged review

Revision ID: 0006_scheduling
Revises: 0005_kept_study_day
Create Date: 2026-12-07 10:00:00

- users.scheduler (NULL: not chosen, the deck's default or SM-2) and
  users.desired_retention (FSRS's, 0.90 for everyone before this revision);
- decks.scheduler: a deck file's default for its learners;
- review_states: which scheduler a row holds (every row before this is SM-2),
  FSRS's stability, difficulty and last review day; SM-2's ease and
  repetitions become optional (NULL under FSRS);
- review_log: the exam date in force for each answer; ease and repetitions
  optional likewise;
- exam_dates (a learner's exam per deck) and daily_configs.exam_date (a study
  group's).

Going down gives SM-2 back to every face: a face held under FSRS is rebuilt
by replaying its log through SM-2 (exactly as the app does when a learner
switches back), and log rows written under FSRS get the SM-2 schedule that
replay gives at that answer, so the older schema's NOT NULL columns hold and
its `db verify` agrees.  Self-contained (no import of the app's models or
scheduler), so it keeps describing this step even after the app moves on.
"""

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

revision: str = "0006_scheduling"
down_revision: str | Sequence[str] | None = "0005_kept_study_day"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("scheduler", sa.String(length=8), nullable=True))
        batch_op.add_column(
            sa.Column("desired_retention", sa.Double(), server_default="0.9", nullable=False)
        )
    with op.batch_alter_table("decks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("scheduler", sa.String(length=8), nullable=True))
    with op.batch_alter_table("review_states", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("scheduler", sa.String(length=8), server_default="sm2", nullable=False)
        )
        batch_op.add_column(sa.Column("stability", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("difficulty", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("last_review", sa.Date(), nullable=True))
        batch_op.alter_column("ease_cents", existing_type=sa.SmallInteger(), nullable=True)
        batch_op.alter_column("repetitions", existing_type=sa.Integer(), nullable=True)
    with op.batch_alter_table("review_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("exam_date", sa.Date(), nullable=True))
        batch_op.alter_column("ease_cents", existing_type=sa.SmallInteger(), nullable=True)
        batch_op.alter_column("repetitions", existing_type=sa.Integer(), nullable=True)
    with op.batch_alter_table("daily_configs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("exam_date", sa.Date(), nullable=True))
    op.create_table(
        "exam_dates",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("deck_id", sa.String(length=64), nullable=False),
        sa.Column("exam_date", sa.Date(), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["deck_id"], ["decks.id"], name=op.f("fk_exam_dates_deck_id_decks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_exam_dates_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "deck_id", name=op.f("pk_exam_dates")),
    )


# -- going down: SM-2 for every face ------------------------------------------------------

_STATES = sa.table(
    "review_states",
    sa.column("user_id", sa.BigInteger()),
    sa.column("card_pk", sa.Integer()),
    sa.column("face", sa.SmallInteger()),
    sa.column("scheduler", sa.String()),
    sa.column("ease_cents", sa.SmallInteger()),
    sa.column("repetitions", sa.Integer()),
    sa.column("interval", sa.BigInteger()),
    sa.column("due", sa.Date()),
)
_LOG = sa.table(
    "review_log",
    sa.column("id", sa.Integer()),
    sa.column("user_id", sa.BigInteger()),
    sa.column("card_pk", sa.Integer()),
    sa.column("face", sa.SmallInteger()),
    sa.column("kind", sa.String()),
    sa.column("quality", sa.SmallInteger()),
    sa.column("study_date", sa.Date()),
    sa.column("ease_cents", sa.SmallInteger()),
    sa.column("repetitions", sa.Integer()),
    sa.column("interval", sa.BigInteger()),
    sa.column("due", sa.Date()),
)


def _sm2(
    state: tuple[int, int, int, date | None], quality: int, day: date
) -> tuple[int, int, int, date | None]:
    """SM-2 as the app computes it (bot/srs/sm2.py), in whole hundredths of EF."""
    ease, reps, interval, _ = state
    miss = 5 - quality
    ease = max(130, ease + 10 - miss * (8 + miss * 2))
    if quality < 3:
        reps, interval = 0, 1
    else:
        interval = 1 if reps == 0 else 6 if reps == 1 else -(-interval * ease // 100)
        reps += 1
    due = date.fromordinal(min(day.toordinal() + interval, date.max.toordinal()))
    return ease, reps, interval, due


def _sm2_again(bind: sa.Connection) -> None:
    fsrs_faces = {
        (u, c, f)
        for u, c, f in bind.execute(
            sa.select(_STATES.c.user_id, _STATES.c.card_pk, _STATES.c.face).where(
                _STATES.c.scheduler != "sm2"
            )
        )
    }
    unlogged = {
        (u, c, f)
        for u, c, f in bind.execute(
            sa.select(_LOG.c.user_id, _LOG.c.card_pk, _LOG.c.face)
            .where(_LOG.c.ease_cents.is_(None))
            .distinct()
        )
    }
    for user_id, card_pk, face in sorted(fsrs_faces | unlogged):
        state: tuple[int, int, int, date | None] = (250, 0, 0, None)
        rows = bind.execute(
            sa.select(_LOG.c.id, _LOG.c.kind, _LOG.c.quality, _LOG.c.study_date, _LOG.c.ease_cents)
            .where(_LOG.c.user_id == user_id, _LOG.c.card_pk == card_pk, _LOG.c.face == face)
            .order_by(_LOG.c.id)
        ).all()
        for row_id, kind, quality, day, ease in rows:
            if kind in ("new", "review"):
                state = _sm2(state, quality, day)
            if ease is None:
                bind.execute(
                    sa.update(_LOG).where(_LOG.c.id == row_id).values(
                        ease_cents=state[0], repetitions=state[1], interval=state[2],
                        due=state[3],
                    )
                )
        if (user_id, card_pk, face) in fsrs_faces:
            bind.execute(
                sa.update(_STATES)
                .where(
                    _STATES.c.user_id == user_id,
                    _STATES.c.card_pk == card_pk,
                    _STATES.c.face == face,
                )
                .values(
                    scheduler="sm2", ease_cents=state[0], repetitions=state[1],
                    interval=state[2], due=state[3],
                )
            )


def downgrade() -> None:
    _sm2_again(op.get_bind())
    op.drop_table("exam_dates")
    with op.batch_alter_table("daily_configs", schema=None) as batch_op:
        batch_op.drop_column("exam_date")
    with op.batch_alter_table("review_log", schema=None) as batch_op:
        batch_op.alter_column("repetitions", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("ease_cents", existing_type=sa.SmallInteger(), nullable=False)
        batch_op.drop_column("exam_date")
    with op.batch_alter_table("review_states", schema=None) as batch_op:
        batch_op.alter_column("repetitions", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("ease_cents", existing_type=sa.SmallInteger(), nullable=False)
        batch_op.drop_column("last_review")
        batch_op.drop_column("difficulty")
        batch_op.drop_column("stability")
        batch_op.drop_column("scheduler")
    # Not in batch mode: on SQLite that copies the table, and dropping the old copy of a
    # parent table (foreign keys are on) would empty its children through ON DELETE CASCADE.
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35 and later) leaves the rows where they are.
    op.drop_column("decks", "scheduler")
    op.drop_column("users", "desired_retention")
    op.drop_column("users", "scheduler")

