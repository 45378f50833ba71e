"""Mastodon: upload the image with its description, then publish a status with language and Idempotency-Key.

https://docs.joinmastodon.org/methods/media/#v2 and https://docs.joinmastodon.org/methods/statuses/#create.
Mastodon keeps an Idempotency-Key for an hour, so retrying with the same key never posts twice.
"""

from .base import ChannelAdapter, ChannelError, Outgoing, Posted, http_status_error, response_json


class MastodonAdapter(ChannelAdapter):
    name = "Mastodon"
    idempotent = True

    @property
    def base_url(self) -> str:
        return self.config["base_url"].rstrip("/")

    def _headers(self) -> dict:
        return {"Authorization": f"Bearer {self.config['token']}"}

    def post(self, message: Outgoing) -> Posted:
        media_ids = []
        if message.image is not None:
            # Kept between attempts: a retry after a failed status does not upload the image again.
            if "media_id" not in message.progress:
                message.progress["media_id"] = self._upload(message)
            media_ids.append(message.progress["media_id"])
        body = {"status": message.text, "visibility": self.config.get("visibility", "public"), "media_ids": media_ids}
        if message.language:
            body["language"] = message.language
        response = self.request(
            "POST", f"{self.base_url}/api/v1/statuses", json=body,
            headers={**self._headers(), "Idempotency-Key": message.idempotency_key},
        )
        data = response_json(response)
        if not response.ok:
            raise http_status_error(self.name, response, data.get("error") or response.reason)
        if not data.get("id"):
            raise ChannelError("Mastodon answered without a status id", retryable=True, ambiguous=True)
        return Posted(remote_id=str(data["id"]), remote_url=data.get("url") or "")

    def _upload(self, message: Outgoing) -> str:
        response = self.request(
            "POST", f"{self.base_url}/api/v2/media", headers=self._headers(),
            files={"file": (message.image_name, message.image, message.image_content_type)},
            data={"description": message.alt_text},
        )
        data = response_json(response)
        if not response.ok:  # 202 Accepted (still processing) is fine: the status waits for it
            raise http_status_error(self.name, response, data.get("error") or response.reason)
        return str(data["id"])

    def delete(self, remote_id: str) -> None:
        response = self.request("DELETE", f"{self.base_url}/api/v1/statuses/{remote_id}", headers=self._headers())
        if response.status_code == 404:
            return  # already gone
        if not response.ok:
            raise http_status_error(self.name, response, response_json(response).get("error") or response.reason)
