"""review overdue flag: a count of "safety decision past its review date" flags in the
dashboard summary tables (the flag itself needs no schema: flags.kind is a string)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 01:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

TABLES = ('case_month_stats', 'practice_rollup')


def upgrade():
    # No flag of the new kind exists yet, so 0 is the true count for every existing row.
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column('flags_review_overdue', sa.Integer(), nullable=False,
                          server_default='0')
            )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('flags_review_overdue', server_default=None)


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('flags_review_overdue')
