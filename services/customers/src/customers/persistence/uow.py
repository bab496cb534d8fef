"""The customers unit of work: repositories plus the outbox, in one transaction."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from crm_chassis.uow import UnitOfWork
from customers.crypto import FieldCrypto
from customers.events.outgoing import translate
from customers.persistence.children import SqlActivities, SqlContacts
from customers.persistence.pool import SqlPools
from customers.persistence.records import (
    SqlContractFacts,
    SqlCustomFields,
    SqlHistory,
    SqlKeys,
    SqlLeadConversions,
    SqlOwnerHistory,
    SqlShares,
)
from customers.persistence.repository import SqlCustomerRepository
from customers.persistence.tables import outbox


class SqlCustomersUnitOfWork(UnitOfWork):
    customers: SqlCustomerRepository
    contacts: SqlContacts
    activities: SqlActivities
    keys: SqlKeys
    history: SqlHistory
    owners: SqlOwnerHistory
    shares: SqlShares
    custom_fields: SqlCustomFields
    pools: SqlPools
    lead_conversions: SqlLeadConversions
    contract_facts: SqlContractFacts

    def __init__(self, session_factory: sessionmaker[Session], *, crypto: FieldCrypto, read_only: bool = False) -> None:
        super().__init__(session_factory, outbox, "customers", translate, read_only=read_only)
        self.crypto = crypto

    def __enter__(self) -> SqlCustomersUnitOfWork:
        super().__enter__()
        session, crypto = self.session, self.crypto
        self.customers = SqlCustomerRepository(session, crypto)
        self.contacts = SqlContacts(session, crypto)
        self.activities = SqlActivities(session)
        self.keys = SqlKeys(session, crypto)
        self.history = SqlHistory(session, crypto)
        self.owners = SqlOwnerHistory(session)
        self.shares = SqlShares(session)
        self.custom_fields = SqlCustomFields(session)
        self.pools = SqlPools(session, crypto)
        self.lead_conversions = SqlLeadConversions(session)
        self.contract_facts = SqlContractFacts(session)
        return self
