"""The customers unit of work: repositories plus the outbox, in one transaction."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from crm_chassis.uow import UnitOfWork
from customers.events.outgoing import translate
from customers.persistence.repository import SqlCustomerRepository
from customers.persistence.tables import outbox


class SqlCustomersUnitOfWork(UnitOfWork):
    customers: SqlCustomerRepository

    def __init__(self, session_factory: sessionmaker[Session], *, read_only: bool = False) -> None:
        super().__init__(session_factory, outbox, "customers", translate, read_only=read_only)

    def __enter__(self) -> SqlCustomersUnitOfWork:
        super().__enter__()
        self.customers = SqlCustomerRepository(self.session)
        return self
