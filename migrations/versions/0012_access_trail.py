"""access trail: the log of who viewed or changed a case is the table access_events, not
audit_events ("audit" is a manager's graded case audit); its keys and indexes follow

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 04:40:00.000000

The rows are kept as they are. PostgreSQL renames the table, its keys, indexes and id
sequence in place (no copy, a brief lock). SQLite renames the table, then rebuilds it once
(a copy) to give its key constraints their new names, as a fresh install would have them.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

INDEXED = ('action', 'at', 'case_id', 'user_id')
FOREIGN_KEYS = (('case_id', 'cases'), ('user_id', 'users'))


def _shape(table: str) -> sa.Table:
    """The trail's table as the initial schema made it, under ``table``'s names."""
    return sa.Table(
        table,
        sa.MetaData(),
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('action', sa.String(length=40), nullable=False),
        sa.Column('record_type', sa.String(length=20), nullable=True),
        sa.Column('record_id', sa.Integer(), nullable=True),
        sa.Column('case_id', sa.Integer(), nullable=True),
        sa.Column('ip_address', sa.String(length=64), nullable=True),
        sa.Column('summary', sa.String(length=255), nullable=False),
        sa.Column('data', sa.JSON(), nullable=False),
        *(
            sa.ForeignKeyConstraint(
                [column], [f'{target}.id'], name=f'fk_{table}_{column}_{target}'
            )
            for column, target in FOREIGN_KEYS
        ),
        sa.PrimaryKeyConstraint('id', name=f'pk_{table}'),
        *(sa.Index(f'ix_{table}_{column}', column) for column in INDEXED),
    )


def _rename(old: str, new: str) -> None:
    op.rename_table(old, new)
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(f'ALTER TABLE {new} RENAME CONSTRAINT pk_{old} TO pk_{new}')
        for column, target in FOREIGN_KEYS:
            op.execute(
                f'ALTER TABLE {new} RENAME CONSTRAINT fk_{old}_{column}_{target} '
                f'TO fk_{new}_{column}_{target}'
            )
        for column in INDEXED:
            op.execute(f'ALTER INDEX ix_{old}_{column} RENAME TO ix_{new}_{column}')
        # The id's default names the sequence by its oid, so renaming it breaks nothing.
        op.execute(f'ALTER SEQUENCE IF EXISTS {old}_id_seq RENAME TO {new}_id_seq')
        return
    # SQLite keeps the old names inside the renamed table: drop the old indexes, then
    # rebuild the table from its new shape (which brings the new indexes and key names).
    for column in INDEXED:
        op.drop_index(f'ix_{old}_{column}', table_name=new)
    with op.batch_alter_table(new, copy_from=_shape(new), recreate='always'):
        pass


def upgrade():
    _rename('audit_events', 'access_events')


def downgrade():
    _rename('access_events', 'audit_events')
