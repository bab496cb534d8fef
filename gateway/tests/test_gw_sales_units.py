"""The sales JSON shapes without any service: money both ways, strict request pieces, and the
response models derived from the proto descriptors."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from crm.common.v1 import money_pb2
from crm.sales.v1 import sales_service_pb2 as pb
from gateway.representations.sales import LineIn, MoneyIn, Product, money_text, sales_json


@pytest.mark.parametrize(
    ("minor", "currency", "text"),
    [(123450, "CNY", "1234.50"), (5, "CNY", "0.05"), (0, "CNY", "0.00"), (1200, "JPY", "1200"), (1234, "KWD", "1.234")],
)
def test_money_is_a_decimal_string_in_major_units(minor, currency, text):
    assert money_text(minor, currency) == text
    assert MoneyIn(currency=currency, amount=text).model_dump() == {"currency_code": currency, "minor_units": minor}


@pytest.mark.parametrize(
    "amount",
    ["1.005", "-1.00", "1e3", " 1.00", "1,000.00", "", "1" * 16, "0x10"],
)
def test_money_refuses_what_the_currency_cannot_hold(amount):
    with pytest.raises(ValidationError):
        MoneyIn(currency="CNY", amount=amount)
    with pytest.raises(ValidationError):
        MoneyIn(currency="JPY", amount="1.5")
    with pytest.raises(ValidationError):
        MoneyIn(currency="cny", amount="1.00")


@pytest.mark.parametrize(
    ("quantity", "discount", "ok"),
    [
        ("1", None, True),
        ("2.5", "100", True),
        ("0.0001", "99.9999", True),
        ("-1", None, False),
        ("1", "150", False),
        ("1", "100.5", False),
        ("1", "-5", False),
        ("1.00001", None, False),
        ("abc", None, False),
    ],
)
def test_lines_take_bounded_decimal_text(quantity, discount, ok):
    data = {"product_id": "p1", "quantity": quantity, "discount_percent": discount}
    if ok:
        LineIn.model_validate(data)
    else:
        with pytest.raises(ValidationError):
            LineIn.model_validate(data)
    with pytest.raises(ValidationError):
        LineIn.model_validate({"product_id": "p1", "quantity": 1})  # a number, not decimal text
    with pytest.raises(ValidationError):
        LineIn.model_validate({"product_id": "p1", "quantity": "1", "unit_price": "1"})  # prices are never sent


def test_records_answer_money_as_currency_and_amount_and_match_their_model():
    product = pb.Product(
        id="p1",
        sku="W-1",
        name="Widget",
        list_price=money_pb2.Money(currency_code="CNY", minor_units=100000),
        warranty_months=12,
        active=True,
        version=3,
    )
    data = sales_json(product)
    assert data["list_price"] == {"currency": "CNY", "amount": "1000.00"}
    assert data["category"] is None and data["created_at"] is None and data["version"] == 3
    assert Product.model_validate(data).model_dump() == data
