"""The sales unit of work: every repository plus the outbox, in one transaction."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from crm_chassis.uow import UnitOfWork
from sales.events.outgoing import translate
from sales.persistence import repositories as r
from sales.persistence.tables import outbox


class Repositories:
    """The repositories over one session (also used by the worker's handlers inside the inbox transaction)."""

    def __init__(self, session: Session) -> None:
        self.customers = r.SqlCustomerRefs(session)
        self.products = r.SqlProducts(session)
        self.price_lists = r.SqlPriceLists(session)
        self.opportunities = r.SqlOpportunities(session)
        self.quotes = r.SqlQuotes(session)
        self.orders = r.SqlOrders(session)
        self.contracts = r.SqlContracts(session)
        self.plans = r.SqlPlans(session)
        self.receipts = r.SqlReceipts(session)
        self.invoices = r.SqlInvoices(session)
        self.targets = r.SqlTargets(session)
        self.approvals = r.SqlApprovals(session)
        self.settings = r.SqlSettings(session)
        self.numbers = r.SqlNumbers(session)
        self.notices = r.SqlNotices(session)
        self.conversions = r.SqlLeadConversions(session)


class SqlSalesUnitOfWork(UnitOfWork):
    def __init__(self, session_factory: sessionmaker[Session], *, read_only: bool = False) -> None:
        super().__init__(session_factory, outbox, "sales", translate, read_only=read_only)

    def __enter__(self) -> SqlSalesUnitOfWork:
        super().__enter__()
        repos = Repositories(self.session)
        self.__dict__.update(vars(repos))
        return self
