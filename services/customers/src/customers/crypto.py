"""Sensitive fields at rest: AES-GCM encryption and an HMAC-SHA256 blind index (ARCHITECTURE §7).

One 32-byte master key (`CRM_CUSTOMERS_FIELD_KEY`) yields two independent keys through HKDF:
one encrypts values, the other hashes normalised keys so equal phones/emails can be found
without storing them in the clear. A ciphertext is bound to its record and field (associated
data), so it cannot be copied to another row.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
_FORMAT = "v1"
_NONCE = 12


class DecryptionError(Exception):
    """A stored ciphertext does not open with this key (wrong key, or tampered data)."""


def _derive(master: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=purpose).derive(master)


class FieldCrypto:
    def __init__(self, master_key: bytes) -> None:
        if len(master_key) != KEY_BYTES:
            raise ValueError(f"the field key must be {KEY_BYTES} bytes")
        self._aead = AESGCM(_derive(master_key, b"crm-customers/field-encryption/v1"))
        self._index_key = _derive(master_key, b"crm-customers/blind-index/v1")

    def encrypt(self, plaintext: str, context: str) -> str:
        """`v1:<base64(nonce | ciphertext | tag)>`; `context` (record and field) is authenticated."""
        nonce = os.urandom(_NONCE)
        sealed = self._aead.encrypt(nonce, plaintext.encode(), context.encode())
        return f"{_FORMAT}:" + base64.b64encode(nonce + sealed).decode("ascii")

    def decrypt(self, token: str, context: str) -> str:
        version, _, body = token.partition(":")
        if version != _FORMAT:
            raise DecryptionError(f"unknown ciphertext format {version!r}")
        try:
            raw = base64.b64decode(body, validate=True)
            return self._aead.decrypt(raw[:_NONCE], raw[_NONCE:], context.encode()).decode()
        except (InvalidTag, ValueError) as exc:
            raise DecryptionError("ciphertext does not open with the configured key") from exc

    def blind_index(self, key_type: str, value: str) -> str:
        """Keyed hash of a normalised value (hex): equal inputs match, the value is not recoverable."""
        return hmac.new(self._index_key, f"{key_type}\x00{value}".encode(), hashlib.sha256).hexdigest()
