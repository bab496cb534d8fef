"""Phone and email match keys (DOMAIN_RULES C21, C22), shared by every service that matches people
by phone or email (customers' duplicate rule, marketing's lead dedupe). Pure functions."""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata

import phonenumbers

_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})\s*$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s\-().·/]")
_CN_MOBILE = re.compile(r"^\+861[3-9]\d{9}$")
_PLAUSIBLE = re.compile(r"^\+?\d{3,20}$")
_LOCAL = re.compile(r"^[^\s@]{1,64}$")


@dataclasses.dataclass(frozen=True)
class PhoneKey:
    value: str  # E.164 ("+8613812345678"), or "raw:<digits>" when unparseable
    extension: str
    valid: bool
    mobile: bool  # a mainland-China mobile number


@functools.lru_cache(maxsize=4096)
def phone_key(raw: str, region: str = "CN") -> PhoneKey | None:
    """The C21 key of a phone number; None if `raw` holds no plausible number at all."""
    text = unicodedata.normalize("NFKC", raw).strip()
    extension = ""
    match = _EXTENSION.search(text)
    if match:
        extension = match.group(1)
        text = text[: match.start()]
    digits = _SEPARATORS.sub("", text)
    if not _PLAUSIBLE.match(digits):
        return None
    if digits.startswith("0086"):
        digits = "+86" + digits[4:]
    elif re.fullmatch(r"861[3-9]\d{9}", digits):
        digits = "+" + digits
    if digits.startswith("+860"):
        digits = "+86" + digits[4:]  # the trunk 0 never follows the country code
    try:
        number = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        return PhoneKey("raw:" + digits.lstrip("+"), extension, False, False)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return PhoneKey(e164, extension, True, bool(_CN_MOBILE.match(e164)))


def email_key(raw: str) -> str | None:
    """The C22 key: NFKC, trimmed, lower-cased, IDNA domain; None if not an address."""
    text = unicodedata.normalize("NFKC", raw).strip().lower()
    local, at, domain = text.rpartition("@")
    if not at or not _LOCAL.match(local) or "." not in domain.strip(".") or any(c.isspace() for c in domain):
        return None
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    return f"{local}@{ascii_domain}"
