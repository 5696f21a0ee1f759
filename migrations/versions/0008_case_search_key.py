"""case search key: folded child name, reference and carers' names

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 22:30:00

"""
import unicodedata

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

# A frozen copy of parent_partners.search_text.fold: a migration must give the
# same result whatever the application code later becomes.
_LETTERS = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"})


def _fold(text):
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.translate(_LETTERS).split())


def upgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search_key', sa.Text(), server_default='', nullable=False))

    bind = op.get_bind()
    names = {}
    for case_id, name in bind.execute(sa.text(
        "SELECT case_id, name FROM carers WHERE archived_at IS NULL ORDER BY id"
    )):
        names.setdefault(case_id, []).append(name)
    rows = [
        {"id": case_id, "key": " | ".join(
            _fold(part) for part in [child, reference, *names.get(case_id, [])] if part
        )}
        for case_id, child, reference in bind.execute(
            sa.text("SELECT id, child_name, reference FROM cases")
        )
    ]
    if rows:
        bind.execute(sa.text("UPDATE cases SET search_key = :key WHERE id = :id"), rows)


def downgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('search_key')
