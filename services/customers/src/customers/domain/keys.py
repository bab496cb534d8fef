"""Duplicate keys (DOMAIN_RULES C20-C24): normalisers and the keys a record is matched by.

Hard keys refuse a second live record holding the same value (the first registrant keeps the
customer); soft keys only warn. Storage hashes the sensitive ones (phones, emails) into a
blind index; the values here are the plain normalised forms.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from crm_chassis.contact_keys import PhoneKey, email_key, phone_key
from crm_chassis.errors import InvalidArgument

# Bump when a normaliser changes: stored keys record the version that made them (re-keying).
NORMALISER_VERSION = 1

COMPANY_NAME = "company_name"
USCC = "uscc"
PERSON_MOBILE = "person_mobile"
PHONE = "phone"
EMAIL = "email"
DOMAIN = "domain"

KEY_MAX = 255  # customer_keys.key_value

HARD_KEY_TYPES = frozenset({COMPANY_NAME, USCC, PERSON_MOBILE})
# Key types whose values are personal data: stored only as a keyed hash (blind index).
SENSITIVE_KEY_TYPES = frozenset({PERSON_MOBILE, PHONE, EMAIL})


@dataclasses.dataclass(frozen=True, order=True)
class Key:
    key_type: str
    value: str

    @property
    def hard(self) -> bool:
        return self.key_type in HARD_KEY_TYPES


# -- company name (C20) -------------------------------------------------------------------------

# [], 【】 and the tortoise-shell brackets U+3014/U+3015 all become () (C20).
_BRACKETS = str.maketrans({"[": "(", "]": ")", "【": "(", "】": ")", "\u3014": "(", "\u3015": ")"})
_CJK_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "(中国)")
# English suffixes, compared on their letters only ("co., ltd." == "co ltd" == "coltd").
_LATIN_SUFFIXES = ("co., ltd.", "ltd", "inc", "llc")
_MIN_LEFT = 2


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LN"


_ASCII_NON_WORD = re.compile(r"[^0-9A-Za-z]+")


def _letters(text: str) -> str:
    if text.isascii():  # the same answer, faster: in ASCII exactly letters and digits are L*/N*
        return _ASCII_NON_WORD.sub("", text)
    return "".join(ch for ch in text if _is_word_char(ch))


def _strip_latin(text: str, suffix: str) -> str | None:
    """`text` without the trailing `suffix` (spaces and punctuation ignored), or None."""
    wanted = _SUFFIX_LETTERS.get(suffix) or _letters(suffix)
    i = len(text)
    j = len(wanted)
    while j > 0:
        i -= 1
        if i < 0:
            return None
        ch = text[i]
        if not _is_word_char(ch):
            continue
        if ch != wanted[j - 1]:
            return None
        j -= 1
    # A whole word only: "zinc" does not end with the suffix "inc".
    if i > 0 and text[i - 1].isascii() and text[i - 1].isalnum():
        return None
    return text[:i]


def _strip_cjk(text: str, suffix: str) -> str | None:
    trimmed = text.rstrip()
    if not trimmed.endswith(suffix):
        return None
    rest = trimmed[: -len(suffix)]
    if suffix == "公司" and rest.endswith("分"):
        return None  # never strip 分公司: a branch is its own record
    return rest


# Computed once (they are constants): the latin suffixes' letters, and every suffix longest first.
_SUFFIX_LETTERS = {s: _letters(s) for s in _LATIN_SUFFIXES}
_SUFFIXES = sorted(
    [(s, _strip_cjk) for s in _CJK_SUFFIXES] + [(s, _strip_latin) for s in _LATIN_SUFFIXES],
    key=lambda item: -len(_letters(item[0]) or item[0]),
)


def company_name_key(name: str) -> str:
    """The C20 key of a company name: "ACME Co., Ltd." and "acme ltd" give "acme"."""
    text = unicodedata.normalize("NFKC", name).casefold().translate(_BRACKETS)
    suffixes = _SUFFIXES
    changed = True
    while changed:
        changed = False
        for suffix, strip in suffixes:
            rest = strip(text, suffix)
            if rest is not None and len(_letters(rest)) >= _MIN_LEFT:
                text = rest
                changed = True
                break
    return _letters(text)[:KEY_MAX]


# -- phone (C21) and email (C22): shared with marketing's lead dedupe -------------------------------

# The customer file's phone and email keys are the chassis ones (imported above and used from
# here): one normaliser for every service, so a lead and a customer with one number share a key.


# -- unified social credit code (C23) ------------------------------------------------------------

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_key(raw: str) -> str | None:
    """The normalised USCC if its check digit is right (C23), else None."""
    code = unicodedata.normalize("NFKC", raw).strip().upper()
    if len(code) != 18 or any(ch not in _USCC_ALPHABET for ch in code):
        return None
    total = sum(_USCC_ALPHABET.index(ch) * w for ch, w in zip(code[:17], _USCC_WEIGHTS, strict=True))
    return code if _USCC_ALPHABET[(31 - total % 31) % 31] == code[17] else None


# -- web domain ----------------------------------------------------------------------------------

_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")


def website_domain(raw: str) -> str | None:
    """ "https://www.Acme.com/about" -> "acme.com"; None if it names no host."""
    text = unicodedata.normalize("NFKC", raw).strip().lower()
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    host = re.split(r"[/?#]", text, maxsplit=1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
    host = host.removeprefix("www.").rstrip(".")
    try:
        host = host.encode("idna").decode("ascii") if host else host
    except UnicodeError:
        return None
    return host if _DOMAIN.match(host) else None


# -- which keys a record has ---------------------------------------------------------------------


def customer_keys(*, kind: str, name: str, phones: tuple[str, ...], emails: tuple[str, ...], website: str, uscc: str):  # type: ignore[no-untyped-def]
    """The keys of a customer (C24): hard = company name key, USCC, a person's mobile numbers."""
    keys: set[Key] = set()
    if kind == "company":
        name_key = company_name_key(name)
        if name_key:
            keys.add(Key(COMPANY_NAME, name_key))
        if uscc:
            keys.add(Key(USCC, uscc))
        domain = website_domain(website) if website else None
        if domain:
            keys.add(Key(DOMAIN, domain))
    for raw in phones:
        pk = phone_key(raw)
        if pk is None:
            continue
        keys.add(Key(PHONE, pk.value))
        if kind == "person" and pk.mobile:
            keys.add(Key(PERSON_MOBILE, pk.value))
    for raw in emails:
        ek = email_key(raw)
        if ek:
            keys.add(Key(EMAIL, ek))
    return sorted(keys)


def contact_keys(*, phones: tuple[str, ...], emails: tuple[str, ...]) -> list[Key]:
    """A contact's keys: soft only (C25 covers contacts' phones and emails)."""
    keys: set[Key] = set()
    for raw in phones:
        pk = phone_key(raw)
        if pk is not None:
            keys.add(Key(PHONE, pk.value))
    for raw in emails:
        ek = email_key(raw)
        if ek:
            keys.add(Key(EMAIL, ek))
    return sorted(keys)


def require_phone_key(raw: str, field: str = "phone") -> PhoneKey:
    pk = phone_key(raw)
    if pk is None:
        raise InvalidArgument(f"{raw!r} is not a phone number", code="phone.invalid", field=field)
    return pk
