"""A generic channel: the post as signed JSON to a URL (for a partner's bot, a Zapier-like tool, a test)."""

import orjson

from distribution.signing import SIGNATURE_HEADER, signature_header

from .base import ChannelAdapter, ChannelError, Outgoing, Posted, http_status_error, response_json


class WebhookAdapter(ChannelAdapter):
    name = "Webhook"
    # The key travels in the body and the header: a receiver that honours it makes retries safe.
    idempotent = True

    def _send(self, payload: dict, idempotency_key: str):
        body = orjson.dumps(payload)
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: signature_header(secret=self.config["secret"], body=body),
            "Idempotency-Key": idempotency_key,
        }
        response = self.request("POST", self.config["url"], data=body, headers=headers)
        if not response.ok:
            raise http_status_error(self.name, response, response.text[:300] or response.reason)
        return response_json(response)

    def post(self, message: Outgoing) -> Posted:
        payload = {
            "event": "social.post",
            "idempotency_key": message.idempotency_key,
            "text": message.text,
            "language": message.language,
            "link": message.link,
            "image": {"url": message.image_url, "alt": message.alt_text} if message.image_url else None,
        }
        data = self._send(payload, message.idempotency_key)
        remote_id = str(data.get("id") or message.idempotency_key)
        return Posted(remote_id=remote_id, remote_url=str(data.get("url") or ""))

    def delete(self, remote_id: str) -> None:
        if not remote_id:
            raise ChannelError("Nothing to delete: the receiver gave no id", retryable=False)
        self._send({"event": "social.delete", "id": remote_id}, f"delete-{remote_id}")
