"""The marketing unit of work: every repository plus the outbox, in one transaction."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from crm_chassis.uow import UnitOfWork
from marketing.events.outgoing import translate
from marketing.persistence import repositories as r
from marketing.persistence.tables import outbox


class Repositories:
    """The repositories over one session (also used by the worker's handlers inside the inbox transaction)."""

    def __init__(self, session: Session) -> None:
        self.campaigns = r.SqlCampaigns(session)
        self.costs = r.SqlCosts(session)
        self.members = r.SqlMembers(session)
        self.leads = r.SqlLeads(session)
        self.touches = r.SqlTouches(session)
        self.rules = r.SqlRules(session)
        self.claims = r.SqlClaims(session)
        self.forms = r.SqlForms(session)
        self.customers = r.SqlCustomers(session)


class SqlMarketingUnitOfWork(UnitOfWork):
    def __init__(self, session_factory: sessionmaker[Session], *, read_only: bool = False) -> None:
        super().__init__(session_factory, outbox, "marketing", translate, read_only=read_only)

    def __enter__(self) -> SqlMarketingUnitOfWork:
        super().__enter__()
        self.__dict__.update(vars(Repositories(self.session)))
        return self
