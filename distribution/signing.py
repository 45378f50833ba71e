"""HMAC signatures for what we POST to receivers we do not control (generic social webhook, publish webhooks).

The header carries a timestamp and the signature of `"{timestamp}.{body}"`, so a receiver can refuse replays
outside its tolerance: `X-InterAzioni-Signature: t=1732860000,v1=<hex sha256>`.
"""

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-InterAzioni-Signature"
DEFAULT_TOLERANCE_SECONDS = 300


def signature_header(*, secret: str, body: bytes, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},v1={_digest(secret, timestamp, body)}"


def signature_verify(
    *, secret: str, body: bytes, header: str, tolerance: int = DEFAULT_TOLERANCE_SECONDS, now: float | None = None
) -> bool:
    """What a receiver does (our tests use it as one): constant-time compare, timestamp within tolerance."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
        signature = parts["v1"]
    except (KeyError, ValueError):
        return False
    if abs((time.time() if now is None else now) - timestamp) > tolerance:
        return False
    return hmac.compare_digest(signature, _digest(secret, timestamp, body))


def _digest(secret: str, timestamp: int, body: bytes) -> str:
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
