"""An investigator's private key, sealed under their own login password (account data: ``User.private_key_sealed``).

The key is X25519; it is sealed with AES-GCM under a key derived from the password (Argon2id, about a second a
guess, ``sealing``; older seals made with scrypt n=2¹⁵ still open) and bound to the user id. Accounts reseal it when its owner changes their password, so it lives here and the
complaint desk (which uses the key to open sealed identities) imports it, never the other way round.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from itatui.present.errors import UserError
from itatui.store.models import User

_VERSION = b"\x01"
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**15, 8, 1
_RAW = serialization.Encoding.Raw


class SealedKeyError(UserError):
    """The sealed key is missing or the password does not open it; ``key`` is a message-catalogue key."""


def _password_key(password: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P).derive(password.encode("utf-8"))


def seal_private_key(private: X25519PrivateKey, password: str, user_id: int) -> bytes:
    """Version 2 (``sealing.seal_secret``): Argon2id at about a second per guess, bound to the user id."""
    from itatui.store.accounts import sealing

    raw = private.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    return sealing.seal_secret(raw, password, f"itatui/user-key/{user_id}".encode())


def open_private_key(sealed: bytes, password: str, user_id: int) -> X25519PrivateKey:
    from itatui.store.accounts import sealing

    if sealed and sealed[:1] == sealing.SEAL_V2:
        try:
            raw = sealing.open_secret(sealed, password, f"itatui/user-key/{user_id}".encode())
        except sealing.KeyError_ as exc:
            raise SealedKeyError(exc.key) from None
        return X25519PrivateKey.from_private_bytes(raw)
    # Version 1 (scrypt, 73 ms a guess) still opens; the owner's next password change re-seals it as version 2.
    if not sealed or sealed[:1] != _VERSION:
        raise SealedKeyError("identity.err.no_key")
    salt, nonce, body = sealed[1:17], sealed[17:29], sealed[29:]
    try:
        raw = AESGCM(_password_key(password, salt)).decrypt(nonce, body, f"itatui/user-key/{user_id}".encode())
    except InvalidTag:
        raise SealedKeyError("identity.err.wrong_password") from None
    return X25519PrivateKey.from_private_bytes(raw)


def reseal_on_password_change(user: User, old_password: str, new_password: str) -> None:
    """Reseal ``user``'s private key under the new password (the caller adds ``user`` to its session)."""
    if user.private_key_sealed is None:
        return
    try:
        private = open_private_key(bytes(user.private_key_sealed), old_password, user.id or 0)
    except SealedKeyError:
        # Sealed under some other password: it could never be opened again, so drop it (re-grant needed).
        user.private_key_sealed = None
        user.public_key = None
    else:
        user.private_key_sealed = seal_private_key(private, new_password, user.id or 0)
