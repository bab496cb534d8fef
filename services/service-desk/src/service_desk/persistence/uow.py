"""The service-desk unit of work: every repository plus the outbox, in one transaction."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from crm_chassis.uow import UnitOfWork
from service_desk.events.outgoing import translate
from service_desk.persistence import repositories as r
from service_desk.persistence.tables import outbox


class Repositories:
    """The repositories over one session (also used by the worker's handlers inside the inbox transaction)."""

    def __init__(self, session: Session) -> None:
        self.customers = r.SqlCustomerRefs(session)
        self.owned = r.SqlOwnedProducts(session)
        self.contracts = r.SqlContracts(session)
        self.policies = r.SqlPolicies(session)
        self.technicians = r.SqlTechnicians(session)
        self.work_orders = r.SqlWorkOrders(session)
        self.visits = r.SqlVisits(session)
        self.charges = r.SqlCharges(session)
        self.complaints = r.SqlComplaints(session)
        self.return_visits = r.SqlReturnVisits(session)
        self.articles = r.SqlArticles(session)
        self.numbers = r.SqlNumbers(session)
        self.job_marks = r.SqlJobMarks(session)


class SqlServiceDeskUnitOfWork(UnitOfWork):
    def __init__(self, session_factory: sessionmaker[Session], *, read_only: bool = False) -> None:
        super().__init__(session_factory, outbox, "service_desk", translate, read_only=read_only)

    def __enter__(self) -> SqlServiceDeskUnitOfWork:
        super().__enter__()
        self.__dict__.update(vars(Repositories(self.session)))
        return self
