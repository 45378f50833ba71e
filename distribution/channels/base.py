"""What every adapter shares: the message to send, the result, the error that says whether to retry."""

from dataclasses import dataclass, field

import requests
from django.conf import settings


@dataclass
class Outgoing:
    """A post ready for a network: text already final, image already rendered at the network's size."""

    text: str
    language: str
    link: str
    image: bytes | None = None
    image_name: str = ""
    image_content_type: str = "image/jpeg"
    image_url: str = ""
    alt_text: str = ""
    idempotency_key: str = ""
    # Adapters write here what a retry must not redo (saved with the delivery even when the attempt fails).
    progress: dict = field(default_factory=dict)


@dataclass
class Posted:
    remote_id: str
    remote_url: str = ""


class ChannelError(Exception):
    """A failed call. `retryable`: trying later may work (429, 5xx, network). `ambiguous`: the network may have
    acted anyway (the response was lost), so only an idempotent channel may try again unattended."""

    def __init__(self, message: str, *, retryable: bool, retry_after: str | None = None, ambiguous: bool = False):
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after
        self.ambiguous = ambiguous


class ChannelAdapter:
    name = ""
    # True when the network itself drops a repeated request (Mastodon's Idempotency-Key).
    idempotent = False
    can_delete = True

    def __init__(self, config: dict):
        self.config = config

    @property
    def timeout(self) -> float:
        return float(self.config.get("timeout") or settings.DISTRIBUTION_HTTP_TIMEOUT_SECONDS)

    def post(self, message: Outgoing) -> Posted:
        raise NotImplementedError

    def delete(self, remote_id: str) -> None:
        raise NotImplementedError

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        """requests.request with our timeout, network failures turned into ChannelError."""
        try:
            return requests.request(method, url, timeout=self.timeout, **kwargs)
        except requests.ConnectTimeout as error:
            raise ChannelError(f"{self.name}: could not connect in time ({error})", retryable=True) from error
        except requests.Timeout as error:
            # The request went out; the answer did not come back in time.
            raise ChannelError(
                f"{self.name}: no answer within {self.timeout:g} s; the network may have acted on the request",
                retryable=True, ambiguous=True,
            ) from error
        except requests.ConnectionError as error:
            refused = "NewConnectionError" in repr(error) or "Connection refused" in str(error)
            raise ChannelError(f"{self.name}: connection failed ({error})", retryable=True,
                               ambiguous=not refused) from error


def http_status_error(name: str, response: requests.Response, message: str) -> ChannelError:
    """The error for a non-success HTTP answer: 429 and 5xx are retried, any other 4xx is final."""
    status = response.status_code
    retryable = status == 429 or status >= 500
    return ChannelError(
        f"{name} answered {status}: {message}", retryable=retryable, retry_after=response.headers.get("Retry-After")
    )


def response_json(response: requests.Response) -> dict:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
