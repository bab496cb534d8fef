import base64

import pytest

from crm_chassis.settings import ConfigError
from customers.config import LOCAL_FIELD_KEY, load_customers_settings
from customers.crypto import DecryptionError, FieldCrypto

KEY = bytes(range(32))


def test_field_key_comes_from_the_environment_and_is_validated():
    settings = load_customers_settings({"CRM_CUSTOMERS_FIELD_KEY": base64.b64encode(KEY).decode()})
    assert settings.field_key == KEY and settings.local_default_warnings() == []
    urlsafe = base64.urlsafe_b64encode(bytes([250] * 32)).decode().rstrip("=")
    assert load_customers_settings({"CRM_CUSTOMERS_FIELD_KEY": urlsafe}).field_key == bytes([250] * 32)
    local = load_customers_settings({})
    assert local.field_key == LOCAL_FIELD_KEY and "LOCAL" in local.local_default_warnings()[0]
    for bad in ("not base64!", base64.b64encode(b"short").decode()):
        with pytest.raises(ConfigError) as err:
            load_customers_settings({"CRM_CUSTOMERS_FIELD_KEY": bad})
        assert "CRM_CUSTOMERS_FIELD_KEY" in str(err.value)


def test_values_round_trip_and_are_bound_to_their_record_and_key():
    crypto = FieldCrypto(KEY)
    token = crypto.encrypt('["13812345678"]', "customer:c1:phones")
    assert "138" not in token and token != crypto.encrypt('["13812345678"]', "customer:c1:phones")  # random nonce
    assert crypto.decrypt(token, "customer:c1:phones") == '["13812345678"]'
    with pytest.raises(DecryptionError):
        crypto.decrypt(token, "customer:c2:phones")  # copied to another row
    with pytest.raises(DecryptionError):
        FieldCrypto(bytes(32)).decrypt(token, "customer:c1:phones")  # another key


def test_blind_index_is_deterministic_keyed_and_separates_key_types():
    a, b = FieldCrypto(KEY), FieldCrypto(bytes(32))
    assert a.blind_index("phone", "+8613812345678") == a.blind_index("phone", "+8613812345678")
    assert a.blind_index("phone", "+8613812345678") != b.blind_index("phone", "+8613812345678")
    assert a.blind_index("phone", "+8613812345678") != a.blind_index("person_mobile", "+8613812345678")
