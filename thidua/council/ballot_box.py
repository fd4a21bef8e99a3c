"""Sealing a secret ballot until the count (bỏ phiếu kín, domain §7; see models.SealedBallot).

A seal is (nonce, tag): 16 random bytes and HMAC-SHA256(round key, round | nominee | nonce |
choice). Without the key the tag is indistinguishable from random bytes, whatever the choice;
with it the count tries each choice and finds the one that matches. The round key is derived
from settings.BALLOT_SEAL_KEY (outside the database: an environment secret, by default derived
from SECRET_KEY), so a database dump, a replica, the WAL or a dead row version holds nothing
that tells an agree from a disagree.
"""

import hashlib
import hmac
import secrets

from django.conf import settings

from .models import Choice

NONCE_BYTES = 16


class SealBroken(Exception):
    """A seal matches no choice: written under another key, or altered in the database."""


def _round_key(round_id: int) -> bytes:
    master = settings.BALLOT_SEAL_KEY.encode()
    return hmac.new(master, f"thidua/ballot-round/{round_id}".encode(), hashlib.sha256).digest()


def _tag(key: bytes, round_id: int, nominee_id: int, nonce: bytes, choice: str) -> bytes:
    message = f"{round_id}|{nominee_id}|".encode() + nonce + b"|" + choice.encode()
    return hmac.new(key, message, hashlib.sha256).digest()


def seal(round_id: int, nominee_id: int, choice: str) -> tuple[bytes, bytes]:
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce, _tag(_round_key(round_id), round_id, nominee_id, nonce, choice)


def unseal(round_id: int, nominee_id: int, nonce: bytes, tag: bytes) -> str:
    key = _round_key(round_id)
    nonce, tag = bytes(nonce), bytes(tag)  # PostgreSQL hands back a memoryview
    for choice in Choice.values:
        if hmac.compare_digest(_tag(key, round_id, nominee_id, nonce, choice), tag):
            return choice
    raise SealBroken(f"round {round_id}, nominee {nominee_id}")
