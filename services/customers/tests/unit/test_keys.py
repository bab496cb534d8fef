# ruff: noqa: RUF001 - full-width characters are the point of these cases (NFKC)
"""Duplicate-key normalisers with the DOMAIN_RULES examples (C20-C24)."""

import pytest

from customers.domain import keys as k


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Acme Ltd", "acme"),
        ("ACME LTD.", "acme"),
        ("Acme Co., Ltd.", "acme"),
        ("acme co ltd", "acme"),
        ("Acme  Inc", "acme"),
        ("Acme, LLC", "acme"),
        ("ＡＣＭＥ　Ｌｔｄ", "acme"),  # full-width -> half-width
        ("阿里巴巴网络技术有限公司", "阿里巴巴网络技术"),
        ("华为技术（中国）有限公司", "华为技术"),  # full-width brackets, then (中国) after 有限公司
        ("华为技术【中国】有限公司", "华为技术"),
        ("腾讯控股股份有限公司", "腾讯控股"),
        ("万科企业有限责任公司", "万科企业"),
        ("海尔集团公司", "海尔"),  # repeatedly: 公司, then 集团
        ("阿里巴巴北京分公司", "阿里巴巴北京分公司"),  # 分公司 is never stripped
        ("集团公司", "集团"),  # stripping 集团 too would leave fewer than 2 characters
        ("Zinc", "zinc"),  # "inc" only as a word
        ("Big-Data & Co. Ltd.", "bigdata"),  # "co. ltd." is "co., ltd." without the comma
    ],
)
def test_company_name_key(name, key):
    assert k.company_name_key(name) == key


@pytest.mark.parametrize(
    ("raw", "value", "extension", "mobile"),
    [
        ("138 1234 5678", "+8613812345678", "", True),
        ("138-1234-5678", "+8613812345678", "", True),
        ("0086 138 1234 5678", "+8613812345678", "", True),
        ("8613812345678", "+8613812345678", "", True),
        ("+86 138 1234 5678", "+8613812345678", "", True),
        ("+86 (0)10 1234 5678", "+861012345678", "", False),  # trunk 0 after +86 dropped
        ("010-12345678", "+861012345678", "", False),
        ("0755-12345678 转 801", "+8675512345678", "801", False),
        ("(021) 6123 4567 ext. 12", "+862161234567", "12", False),
        ("+1 650 253 0000 x42", "+16502530000", "42", False),
    ],
)
def test_phone_key(raw, value, extension, mobile):
    pk = k.phone_key(raw)
    assert pk is not None and pk.valid
    assert (pk.value, pk.extension, pk.mobile) == (value, extension, mobile)


def test_an_unparseable_number_is_flagged_and_kept_as_a_raw_key():
    pk = k.phone_key("12345")
    assert pk is not None and not pk.valid and not pk.mobile and pk.value == "raw:12345"


@pytest.mark.parametrize("raw", ["call me", "", "+", "12"])
def test_text_that_is_no_phone_number_gives_no_key(raw):
    assert k.phone_key(raw) is None


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        (" Ann.Lee+crm@Example.COM ", "ann.lee+crm@example.com"),  # dots and +tags kept
        ("ａｎｎ@ｅｘａｍｐｌｅ.ｃｏｍ", "ann@example.com"),  # NFKC
        ("info@Bücher.de", "info@xn--bcher-kva.de"),  # IDNA domain
    ],
)
def test_email_key(raw, key):
    assert k.email_key(raw) == key


@pytest.mark.parametrize("raw", ["no-at-sign", "a@b", "@example.com", "a b@example.com"])
def test_invalid_emails_have_no_key(raw):
    assert k.email_key(raw) is None


def test_uscc_check_digit():
    assert k.uscc_key("91350100M000100Y43") == "91350100M000100Y43"
    assert k.uscc_key(" 91350100m000100y43 ") == "91350100M000100Y43"  # NFKC + uppercase
    assert k.uscc_key("９１３５０１００Ｍ０００１００Ｙ４３") == "91350100M000100Y43"
    assert k.uscc_key("91350100M000100Y44") is None  # wrong check digit
    assert k.uscc_key("91350100M000100Y4") is None  # too short
    assert k.uscc_key("91350100I000100Y43") is None  # I is not in the alphabet


@pytest.mark.parametrize(
    ("raw", "domain"),
    [
        ("https://www.Acme.com/about", "acme.com"),
        ("acme.com.cn", "acme.com.cn"),
        ("http://例子.中国", "xn--fsqu00a.xn--fiqs8s"),
    ],
)
def test_website_domain(raw, domain):
    assert k.website_domain(raw) == domain


def test_hard_keys_are_company_name_uscc_and_a_persons_mobile():
    company = k.customer_keys(
        kind="company",
        name="Acme Ltd",
        phones=("138 1234 5678",),
        emails=("a@acme.com",),
        website="acme.com",
        uscc="91350100M000100Y43",
    )
    assert {(key.key_type, key.hard) for key in company} == {
        ("company_name", True),
        ("uscc", True),
        ("phone", False),
        ("email", False),
        ("domain", False),
    }
    person = k.customer_keys(
        kind="person", name="张伟", phones=("138 1234 5678", "010-12345678"), emails=(), website="", uscc=""
    )
    assert {(key.key_type, key.value) for key in person if key.hard} == {("person_mobile", "+8613812345678")}
    assert not any(key.key_type == "company_name" for key in person)
