"""How sales records look on the public API: the JSON shapes (and their OpenAPI models) of
products, price lists, opportunities, quotes, orders, contracts, payment plans, receipts,
invoices, targets and approvals, plus the request pieces every sales route shares.

The JSON of a record is its proto message field by field (`gateway.protojson.to_json`: proto
field names, empty strings and unset messages as null, timestamps ISO-8601 UTC) with one change:
every amount of money is `{"currency": "CNY", "amount": "1234.50"}`, the amount a decimal string
in the currency's major unit with exactly its number of decimals (2 for most, 0 for JPY/KRW/VND/CLP/ISK,
3 for BHD/JOD/KWD/OMR/TND). Requests send money the same way; an amount with more decimals than
the currency has is a 400. The response models are derived from the proto descriptors, so the
document cannot drift from what the routes answer.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Optional

from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model, model_serializer, model_validator

from crm.sales.v1 import sales_service_pb2 as pb
from gateway.protojson import to_json

MONEY_NAME = "crm.common.v1.Money"
# Currencies whose minor unit is not 1/100 (the sales service uses the same table).
_EXPONENTS = {"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "BHD": 3, "JOD": 3, "KWD": 3, "OMR": 3, "TND": 3}
INT64_MAX = 2**63 - 1
INT32_MAX = 2**31 - 1


def exponent(currency: str) -> int:
    return _EXPONENTS.get(currency.upper(), 2)


def money_text(minor_units: int, currency: str) -> str:
    """1234550 minor units of CNY -> "12345.50"."""
    places = exponent(currency)
    value = Decimal(int(minor_units)).scaleb(-places)
    return f"{value:.{places}f}"


def _convert(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"currency_code", "minor_units"}:
            code = value["currency_code"] or ""
            return {"currency": code or None, "amount": money_text(value["minor_units"], code)}
        return {k: _convert(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_convert(v) for v in value]
    return value


def sales_json(message: Message) -> dict[str, Any]:
    """A sales proto message as public JSON (money as `{"currency", "amount"}`)."""
    return _convert(to_json(message))


# ---------------------------------------------------------------- response models


class Money(BaseModel):
    """An amount of money: `amount` in the currency's major unit as a decimal string with the
    currency's number of decimals (`"1234.50"` CNY, `"1200"` JPY)."""

    currency: str | None = Field(description="ISO 4217 code, e.g. `CNY`")
    amount: str = Field(description='Decimal text in major units, e.g. "1234.50"')


_RENAMED = {"Line": "SalesLine", "Totals": "SalesTotals", "ApprovalStep": "ApprovalStep"}
_MODELS: dict[str, type[BaseModel]] = {MONEY_NAME: Money}
_INTS = {
    FieldDescriptor.TYPE_INT32,
    FieldDescriptor.TYPE_INT64,
    FieldDescriptor.TYPE_UINT32,
    FieldDescriptor.TYPE_UINT64,
    FieldDescriptor.TYPE_SINT32,
    FieldDescriptor.TYPE_SINT64,
}


def _field_type(fd: FieldDescriptor) -> Any:
    if fd.type == FieldDescriptor.TYPE_MESSAGE:
        if fd.message_type.full_name == "google.protobuf.Timestamp":
            return str
        return model_for(fd.message_type)
    if fd.type in _INTS:
        return int
    if fd.type == FieldDescriptor.TYPE_BOOL:
        return bool
    if fd.type in (FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT):
        return float
    return str


def model_for(descriptor: Descriptor, name: str | None = None) -> type[BaseModel]:
    """The pydantic model of what `sales_json` answers for a message of this type."""
    if descriptor.full_name in _MODELS:
        return _MODELS[descriptor.full_name]
    fields: dict[str, Any] = {}
    for fd in descriptor.fields:
        if fd.type == FieldDescriptor.TYPE_BYTES:
            continue
        kind = _field_type(fd)
        if fd.is_repeated:
            fields[fd.name] = (list[kind], Field(default_factory=list))  # type: ignore[valid-type]
        elif fd.type in (FieldDescriptor.TYPE_MESSAGE, FieldDescriptor.TYPE_STRING) or fd.has_presence:
            fields[fd.name] = (Optional[kind], None)  # noqa: UP045 - a runtime type expression
        else:
            fields[fd.name] = (kind, Field(default=False if kind is bool else 0))
    model = create_model(name or _RENAMED.get(descriptor.name, descriptor.name), __module__=__name__, **fields)
    model.__doc__ = f"`{descriptor.full_name}` (money as `{{currency, amount}}`)."
    _MODELS[descriptor.full_name] = model
    return model


def page_model(item: type[BaseModel], name: str) -> type[BaseModel]:
    return create_model(
        name,
        __module__=__name__,
        items=(list[item], ...),  # type: ignore[valid-type]
        next_cursor=(Optional[str], Field(description="Pass as `cursor` for the next page; null at the end")),  # noqa: UP045
    )


Product = model_for(pb.Product.DESCRIPTOR)
PriceList = model_for(pb.PriceList.DESCRIPTOR)
Opportunity = model_for(pb.Opportunity.DESCRIPTOR)
StageChange = model_for(pb.StageChange.DESCRIPTOR)
Quote = model_for(pb.Quote.DESCRIPTOR)
Order = model_for(pb.Order.DESCRIPTOR)
Contract = model_for(pb.Contract.DESCRIPTOR)
Approval = model_for(pb.Approval.DESCRIPTOR)
PaymentPlan = model_for(pb.PaymentPlan.DESCRIPTOR)
Receipt = model_for(pb.Receipt.DESCRIPTOR)
Invoice = model_for(pb.Invoice.DESCRIPTOR)
Target = model_for(pb.Target.DESCRIPTOR, "TargetRecord")  # targets.py answers `value` as text
PriceResolved = model_for(pb.ResolvePriceResponse.DESCRIPTOR, "PriceResolved")
PendingApproval = model_for(pb.PendingApproval.DESCRIPTOR)
OpportunityDetail = create_model(
    "OpportunityDetail",
    __base__=Opportunity,
    __module__=__name__,
    stage_history=(list[StageChange], Field(default_factory=list, description="Oldest first")),  # type: ignore[valid-type]
)
QuoteSubmitted = model_for(pb.SubmitQuoteResponse.DESCRIPTOR, "QuoteSubmitted")
QuoteAccepted = model_for(pb.AcceptQuoteResponse.DESCRIPTOR, "QuoteAccepted")
ContractSubmitted = model_for(pb.SubmitContractResponse.DESCRIPTOR, "ContractSubmitted")


# ---------------------------------------------------------------- request pieces


def _real_date(text: str) -> str:
    date.fromisoformat(text)  # ValueError -> 400 request.invalid
    return text


IsoDate = Annotated[
    str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="ISO date"), AfterValidator(_real_date)
]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code, e.g. `CNY`")]
Quantity = Annotated[
    str, Field(pattern=r"^[0-9]{1,9}(\.[0-9]{1,4})?$", description='Decimal text > 0, up to 4 decimals, e.g. "2.5"')
]
Percent = Annotated[
    str,
    Field(
        pattern=r"^(100(\.0{1,4})?|[0-9]{1,2}(\.[0-9]{1,4})?)$",
        description='Decimal text 0..100, up to 4 decimals, e.g. "12.5"',
    ),
]
Text = Annotated[str, Field(max_length=200)]
LongText = Annotated[str, Field(max_length=10_000)]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class MoneyIn(StrictModel):
    """An amount of money (not negative): `{"currency": "CNY", "amount": "1234.50"}`."""

    currency: Currency
    amount: str = Field(
        pattern=r"^[0-9]{1,15}(\.[0-9]{1,3})?$",
        description="Decimal text in major units, at most the currency's decimals",
    )

    @model_validator(mode="after")
    def _fits_the_currency(self) -> MoneyIn:
        places = exponent(self.currency)
        minor = Decimal(self.amount).scaleb(places)
        if minor != minor.to_integral_value():
            raise ValueError(f"{self.currency} amounts have at most {places} decimals")
        if minor > INT64_MAX:
            raise ValueError("amount is too large")
        return self

    @model_serializer
    def _proto(self) -> dict[str, Any]:
        return {
            "currency_code": self.currency,
            "minor_units": int(Decimal(self.amount).scaleb(exponent(self.currency))),
        }


class LineIn(StrictModel):
    """A line asked for: the unit price is resolved by the service, never sent."""

    product_id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,128}$")
    quantity: Quantity
    discount_percent: Percent | None = Field(default=None, description="0..100; beyond the threshold needs approval")
    description: str | None = Field(default=None, max_length=500)
