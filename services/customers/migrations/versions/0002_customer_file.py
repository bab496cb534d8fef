"""customer file: the full customer record, contacts, activities, keys, history, shares

Existing rows are carried over: their phone and email are encrypted into phones_enc/emails_enc
with CRM_CUSTOMERS_FIELD_KEY (so the migrate job needs the same key as the service), owner_since
is set to created_at, and their duplicate keys and first owner-history period are written. A
hard-key collision among existing rows is reported, not fatal: the oldest row keeps the key.

Revision ID: 112cfdae8340
Revises: cd641744a670
Create Date: 2026-11-24 15:51:13.454117
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '112cfdae8340'
down_revision: str | None = 'cd641744a670'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_customers = sa.table(
    'customers',
    sa.column('id', sa.String),
    sa.column('name', sa.String),
    sa.column('owner_id', sa.String),
    sa.column('created_at', sa.DateTime(timezone=True)),
    sa.column('created_by', sa.String),
    sa.column('phone', sa.String),
    sa.column('email', sa.String),
    sa.column('phones_enc', sa.Text),
    sa.column('emails_enc', sa.Text),
    sa.column('owner_since', sa.DateTime(timezone=True)),
    sa.column('tags', sa.JSON),
    sa.column('custom', sa.JSON),
)


def _crypto():
    from customers.config import load_customers_settings
    from customers.crypto import FieldCrypto

    return FieldCrypto(load_customers_settings().field_key)


def _carry_over_existing_rows() -> None:
    """Encrypt the old plain phone/email, start the clocks and write keys and owner history."""
    from customers.domain import keys as k
    from customers.persistence.codec import customer_context, seal_list

    bind = op.get_bind()
    rows = bind.execute(sa.select(_customers).order_by(_customers.c.created_at, _customers.c.id)).all()
    if not rows:
        return
    crypto = _crypto()
    keys_t = sa.table(
        'customer_keys',
        sa.column('key_type', sa.String), sa.column('key_value', sa.String), sa.column('customer_id', sa.String),
        sa.column('contact_id', sa.String), sa.column('hard', sa.Boolean), sa.column('normaliser_version', sa.Integer),
        sa.column('created_at', sa.DateTime(timezone=True)), sa.column('deleted_at', sa.DateTime(timezone=True)),
    )
    owners_t = sa.table(
        'owner_history',
        sa.column('customer_id', sa.String), sa.column('from_owner', sa.String), sa.column('to_owner', sa.String),
        sa.column('started_at', sa.DateTime(timezone=True)), sa.column('reason_code', sa.String),
        sa.column('actor', sa.String),
    )
    taken: set[tuple[str, str]] = set()
    for row in rows:
        phones = [row.phone] if row.phone else []
        emails = [row.email] if row.email else []
        bind.execute(
            sa.update(_customers)
            .where(_customers.c.id == row.id)
            .values(
                phones_enc=seal_list(crypto, phones, customer_context(row.id, 'phones')),
                emails_enc=seal_list(crypto, emails, customer_context(row.id, 'emails')),
                owner_since=row.created_at,
                tags=[],
                custom={},
            )
        )
        bind.execute(
            sa.insert(owners_t).values(
                customer_id=row.id, from_owner=None, to_owner=row.owner_id, started_at=row.created_at,
                reason_code='create', actor=row.created_by or '',
            )
        )
        keys = k.customer_keys(kind='company', name=row.name, phones=tuple(phones), emails=tuple(emails),
                               website='', uscc='')
        for key in keys:
            value = crypto.blind_index(key.key_type, key.value) if key.key_type in k.SENSITIVE_KEY_TYPES else key.value
            if key.hard and (key.key_type, value) in taken:
                print(f"  customer {row.id}: {key.key_type} collides with an older customer; not keyed")
                continue
            taken.add((key.key_type, value))
            bind.execute(
                sa.insert(keys_t).values(
                    key_type=key.key_type, key_value=value, customer_id=row.id, contact_id=None, hard=key.hard,
                    normaliser_version=k.NORMALISER_VERSION, created_at=row.created_at, deleted_at=None,
                )
            )


def _restore_plain_phone_and_email() -> None:
    from customers.persistence.codec import customer_context, open_list

    bind = op.get_bind()
    rows = bind.execute(sa.select(_customers.c.id, _customers.c.phones_enc, _customers.c.emails_enc)).all()
    if not rows:
        return
    crypto = _crypto()
    for row in rows:
        phones = open_list(crypto, row.phones_enc, customer_context(row.id, 'phones'))
        emails = open_list(crypto, row.emails_enc, customer_context(row.id, 'emails'))
        bind.execute(
            sa.update(_customers)
            .where(_customers.c.id == row.id)
            .values(phone=(phones[0] if phones else '')[:40], email=(emails[0] if emails else '')[:254])
        )
    bind.execute(sa.update(_customers).where(_customers.c.owner_id.is_(None)).values(owner_id=''))


def upgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    op.create_table('activities',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('contact_id', sa.String(length=36), nullable=True),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.String(length=64), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('opportunity_id', sa.String(length=64), nullable=True),
    sa.Column('work_order_id', sa.String(length=64), nullable=True),
    sa.Column('next_follow_up_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deletion_batch_id', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.create_index('ix_activities_customer', ['customer_id', 'occurred_at', 'id'], unique=False)
        batch_op.create_index('ix_activities_next_follow_up', ['next_follow_up_at'], unique=False)

    op.create_table('contacts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('title', sa.String(length=100), server_default='', nullable=False),
    sa.Column('phones_enc', sa.Text(), nullable=True),
    sa.Column('emails_enc', sa.Text(), nullable=True),
    sa.Column('is_primary', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('custom', sa.JSON(), nullable=True),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='', nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deletion_batch_id', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index('ix_contacts_customer', ['customer_id', 'created_at', 'id'], unique=False)
        batch_op.create_index('uq_contacts_primary', ['customer_id'], unique=True, sqlite_where=sa.text('is_primary = 1 AND deleted_at IS NULL'), postgresql_where=sa.text('is_primary AND deleted_at IS NULL'))

    op.create_table('custom_field_definitions',
    sa.Column('entity', sa.String(length=16), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('label', sa.String(length=100), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('required', sa.Boolean(), nullable=False),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'key')
    )
    op.create_table('customer_history',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('entity_type', sa.String(length=16), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('change_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=120), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('actor_id', sa.String(length=64), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('customer_history', schema=None) as batch_op:
        batch_op.create_index('ix_customer_history_customer', ['customer_id', 'id'], unique=False)

    op.create_table('customer_keys',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('key_type', sa.String(length=32), nullable=False),
    sa.Column('key_value', sa.String(length=255), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('contact_id', sa.String(length=36), nullable=True),
    sa.Column('hard', sa.Boolean(), nullable=False),
    sa.Column('normaliser_version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('customer_keys', schema=None) as batch_op:
        batch_op.create_index('ix_customer_keys_customer', ['customer_id', 'contact_id'], unique=False)
        batch_op.create_index('ix_customer_keys_lookup', ['key_type', 'key_value'], unique=False)
        batch_op.create_index('uq_customer_keys_hard_live', ['key_type', 'key_value'], unique=True, sqlite_where=sa.text('hard = 1 AND deleted_at IS NULL'), postgresql_where=sa.text('hard AND deleted_at IS NULL'))

    op.create_table('customer_shares',
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('grantee_type', sa.String(length=16), nullable=False),
    sa.Column('grantee_id', sa.String(length=64), nullable=False),
    sa.Column('access', sa.String(length=8), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('customer_id', 'grantee_type', 'grantee_id')
    )
    with op.batch_alter_table('customer_shares', schema=None) as batch_op:
        batch_op.create_index('ix_customer_shares_grantee', ['grantee_type', 'grantee_id'], unique=False)

    op.create_table('owner_history',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('from_owner', sa.String(length=64), nullable=True),
    sa.Column('to_owner', sa.String(length=64), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reason_code', sa.String(length=32), nullable=False),
    sa.Column('rule_id', sa.String(length=64), nullable=True),
    sa.Column('rule_version', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('owner_history', schema=None) as batch_op:
        batch_op.create_index('ix_owner_history_customer', ['customer_id', 'started_at'], unique=False)
        batch_op.create_index('ix_owner_history_from_owner', ['from_owner', 'ended_at'], unique=False)

    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=16), server_default='company', nullable=False))
        batch_op.add_column(sa.Column('classification', sa.String(length=16), server_default='potential', nullable=False))
        batch_op.add_column(sa.Column('status', sa.String(length=16), server_default='prospect', nullable=False))
        batch_op.add_column(sa.Column('region', sa.String(length=100), server_default='', nullable=False))
        batch_op.add_column(sa.Column('source', sa.String(length=100), server_default='', nullable=False))
        batch_op.add_column(sa.Column('address', sa.String(length=500), server_default='', nullable=False))
        batch_op.add_column(sa.Column('latitude', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('longitude', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('phones_enc', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('emails_enc', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('website', sa.String(length=253), server_default='', nullable=False))
        batch_op.add_column(sa.Column('tags', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('uscc', sa.String(length=18), server_default='', nullable=False))
        batch_op.add_column(sa.Column('custom', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('owner_since', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('last_follow_up_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('deal_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('pool_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('pool_entered_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('previous_owner_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('exemption_ended_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('locked', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('deletion_batch_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('merged_into_id', sa.String(length=36), nullable=True))

    _carry_over_existing_rows()

    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.alter_column('owner_id',
               existing_type=sa.VARCHAR(length=64),
               nullable=True)
        batch_op.create_index('ix_customers_deleted', ['deleted_at', 'id'], unique=False)
        batch_op.create_index('ix_customers_name', ['name', 'id'], unique=False)
        batch_op.create_index('ix_customers_pool', ['pool_id', 'pool_entered_at'], unique=False)
        batch_op.drop_column('email')
        batch_op.drop_column('phone')

    # ### end Alembic commands ###


def downgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone', sa.VARCHAR(length=40), server_default='', nullable=False))
        batch_op.add_column(sa.Column('email', sa.VARCHAR(length=254), server_default='', nullable=False))

    _restore_plain_phone_and_email()

    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index('ix_customers_pool')
        batch_op.drop_index('ix_customers_name')
        batch_op.drop_index('ix_customers_deleted')
        batch_op.alter_column('owner_id',
               existing_type=sa.VARCHAR(length=64),
               nullable=False)
        batch_op.drop_column('merged_into_id')
        batch_op.drop_column('deletion_batch_id')
        batch_op.drop_column('deleted_at')
        batch_op.drop_column('locked')
        batch_op.drop_column('exemption_ended_at')
        batch_op.drop_column('previous_owner_id')
        batch_op.drop_column('pool_entered_at')
        batch_op.drop_column('pool_id')
        batch_op.drop_column('deal_at')
        batch_op.drop_column('last_follow_up_at')
        batch_op.drop_column('owner_since')
        batch_op.drop_column('custom')
        batch_op.drop_column('uscc')
        batch_op.drop_column('tags')
        batch_op.drop_column('website')
        batch_op.drop_column('emails_enc')
        batch_op.drop_column('phones_enc')
        batch_op.drop_column('longitude')
        batch_op.drop_column('latitude')
        batch_op.drop_column('address')
        batch_op.drop_column('source')
        batch_op.drop_column('region')
        batch_op.drop_column('status')
        batch_op.drop_column('classification')
        batch_op.drop_column('kind')

    with op.batch_alter_table('owner_history', schema=None) as batch_op:
        batch_op.drop_index('ix_owner_history_from_owner')
        batch_op.drop_index('ix_owner_history_customer')

    op.drop_table('owner_history')
    with op.batch_alter_table('customer_shares', schema=None) as batch_op:
        batch_op.drop_index('ix_customer_shares_grantee')

    op.drop_table('customer_shares')
    with op.batch_alter_table('customer_keys', schema=None) as batch_op:
        batch_op.drop_index('uq_customer_keys_hard_live', sqlite_where=sa.text('hard = 1 AND deleted_at IS NULL'), postgresql_where=sa.text('hard AND deleted_at IS NULL'))
        batch_op.drop_index('ix_customer_keys_lookup')
        batch_op.drop_index('ix_customer_keys_customer')

    op.drop_table('customer_keys')
    with op.batch_alter_table('customer_history', schema=None) as batch_op:
        batch_op.drop_index('ix_customer_history_customer')

    op.drop_table('customer_history')
    op.drop_table('custom_field_definitions')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index('uq_contacts_primary', sqlite_where=sa.text('is_primary = 1 AND deleted_at IS NULL'), postgresql_where=sa.text('is_primary AND deleted_at IS NULL'))
        batch_op.drop_index('ix_contacts_customer')

    op.drop_table('contacts')
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index('ix_activities_next_follow_up')
        batch_op.drop_index('ix_activities_customer')

    op.drop_table('activities')
    # ### end Alembic commands ###
