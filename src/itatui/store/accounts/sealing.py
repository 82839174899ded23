"""Key primitives shared by the sealed identities, the complaint officers' key ring and the office recovery key.

- ``password_key``: the key that seals a person's private key under their own password. Argon2id with 256 MiB
  and 5 passes (about a second per guess on an office PC, see ``benchmarks/kdf.py``): someone with a stolen copy
  of the database tries a few thousand passwords an hour instead of 50,000. The cost is stored with each seal,
  so seals made with an older cost still open (and the scrypt seals of version 1, handled in ``identity``).
- ``seal_to`` / ``open_from``: encrypt a payload to an X25519 public key (ephemeral key + HKDF + AES-GCM), so
  a desk can seal what only key-holders can open without knowing any password.
- The recovery code: 32 random bytes (an X25519 private key) written as 13 groups of 4 characters plus a
  3-character checksum, in an alphabet without 0/O or 1/I/L confusion, to be typed back by hand.
"""

from __future__ import annotations

import hashlib
import os

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_RAW = serialization.Encoding.Raw
SEAL_V2 = b"\x02"
# Argon2id cost for private keys sealed under a password: (passes, memory in KiB). Tests lower it (the cost
# travels with each seal, so what opens is always what was sealed).
KDF_COST = (5, 262144)


class KeyError_(Exception):
    """Wrong password / code, or damaged data; ``key`` is a catalogue key."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def password_key(password: str, salt: bytes, passes: int, memory_kib: int) -> bytes:
    return hash_secret_raw(password.encode("utf-8"), salt, time_cost=passes, memory_cost=memory_kib,
                           parallelism=1, hash_len=32, type=Type.ID)


def seal_secret(secret: bytes, password: str, context: bytes) -> bytes:
    """v2 | passes(1) | log2 memory(1) | salt(16) | nonce(12) | AES-GCM(secret)."""
    passes, memory = KDF_COST
    salt, nonce = os.urandom(16), os.urandom(12)
    body = AESGCM(password_key(password, salt, passes, memory)).encrypt(nonce, secret, context)
    return SEAL_V2 + bytes([passes, memory.bit_length() - 1]) + salt + nonce + body


def seal_cost(sealed: bytes) -> tuple[int, int]:
    """(passes, memory KiB) a v2 seal was made with."""
    return sealed[1], 1 << sealed[2]


def open_secret(sealed: bytes, password: str, context: bytes) -> bytes:
    if sealed[:1] != SEAL_V2:
        raise KeyError_("identity.err.no_key")
    passes, memory = seal_cost(sealed)
    salt, nonce, body = sealed[3:19], sealed[19:31], sealed[31:]
    try:
        return AESGCM(password_key(password, salt, passes, memory)).decrypt(nonce, body, context)
    except InvalidTag:
        raise KeyError_("identity.err.wrong_password") from None


def new_private() -> tuple[X25519PrivateKey, bytes]:
    private = X25519PrivateKey.generate()
    return private, public_of(private)


def public_of(private: X25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)


def raw_of(private: X25519PrivateKey) -> bytes:
    return private.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())


def _kek(shared: bytes, eph_public: bytes, recipient_public: bytes) -> bytes:
    info = b"itatui/seal-to/v1" + eph_public + recipient_public
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def seal_to(payload: bytes, recipient_public: bytes, context: bytes) -> bytes:
    """v1 | ephemeral public(32) | nonce(12) | AES-GCM(payload)."""
    eph = X25519PrivateKey.generate()
    eph_public = public_of(eph)
    key = _kek(eph.exchange(X25519PublicKey.from_public_bytes(recipient_public)), eph_public, recipient_public)
    nonce = os.urandom(12)
    return b"\x01" + eph_public + nonce + AESGCM(key).encrypt(nonce, payload, context)


def open_from(sealed: bytes, private: X25519PrivateKey, context: bytes) -> bytes:
    eph_public, nonce, body = sealed[1:33], sealed[33:45], sealed[45:]
    key = _kek(private.exchange(X25519PublicKey.from_public_bytes(eph_public)), eph_public, public_of(private))
    try:
        return AESGCM(key).decrypt(nonce, body, context)
    except InvalidTag:
        raise KeyError_("recovery.err.damaged") from None


# ---- the recovery code ------------------------------------------------------------------------------------------

# Crockford's base32: no U, and O, I, L typed by mistake read as 0, 1, 1.
_SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TYPOS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _checksum(raw: bytes) -> str:
    digest = int.from_bytes(hashlib.sha256(b"itatui/recovery" + raw).digest()[:2], "big") % (32**3)
    return "".join(_SYMBOLS[(digest >> (5 * i)) & 31] for i in (2, 1, 0))


def encode_code(raw: bytes) -> str:
    """32 bytes → 52 symbols in groups of 4, then the checksum group (3 symbols)."""
    n = int.from_bytes(raw, "big")
    symbols = "".join(_SYMBOLS[(n >> (5 * i)) & 31] for i in range(51, -1, -1))
    groups = [symbols[i : i + 4] for i in range(0, 52, 4)]
    return "-".join([*groups, _checksum(raw)])


def decode_code(text: str) -> bytes:
    """Typed back by hand: case, spaces and dashes do not matter, O reads as 0 and I or L as 1. Any other
    typo fails the checksum (``recovery.err.code``)."""
    clean = "".join(ch for ch in text.upper().translate(_TYPOS) if ch.isalnum())
    if len(clean) != 55 or any(ch not in _SYMBOLS for ch in clean):
        raise KeyError_("recovery.err.code")
    n = 0
    for ch in clean[:52]:
        n = (n << 5) | _SYMBOLS.index(ch)
    if n >> 256:
        raise KeyError_("recovery.err.code")
    raw = n.to_bytes(32, "big")
    if _checksum(raw) != clean[52:]:
        raise KeyError_("recovery.err.code")
    return raw
