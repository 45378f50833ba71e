"""Facebook Pages through the Graph API: /{page-id}/photos with a caption, or /{page-id}/feed with a link.

https://developers.facebook.com/docs/pages-api/posts. Errors come as {"error": {"message", "code", ...}};
codes 4, 17, 32 and 613 are rate limits (retried), like HTTP 429 and 5xx. No idempotency key exists.
"""

from .base import ChannelAdapter, ChannelError, Outgoing, Posted, response_json

RATE_LIMIT_CODES = {4, 17, 32, 613}


class FacebookAdapter(ChannelAdapter):
    name = "Facebook"

    def _url(self, path: str) -> str:
        base = (self.config.get("base_url") or "https://graph.facebook.com").rstrip("/")
        return f"{base}/{self.config.get('api_version', 'v23.0')}/{path}"

    def _check(self, response) -> dict:
        data = response_json(response)
        if response.ok and "error" not in data:
            return data
        error = data.get("error") or {}
        code = error.get("code")
        retryable = response.status_code == 429 or response.status_code >= 500 or code in RATE_LIMIT_CODES
        raise ChannelError(
            f"Facebook answered {response.status_code}: {error.get('message') or response.reason}",
            retryable=retryable, retry_after=response.headers.get("Retry-After"),
        )

    def post(self, message: Outgoing) -> Posted:
        page_id = self.config["page_id"]
        token = {"access_token": self.config["token"]}
        if message.image is not None:
            data = self._check(self.request(
                "POST", self._url(f"{page_id}/photos"), data={**token, "caption": message.text},
                files={"source": (message.image_name, message.image, message.image_content_type)},
            ))
            remote_id = data.get("post_id") or data.get("id")
        else:
            data = self._check(self.request(
                "POST", self._url(f"{page_id}/feed"), data={**token, "message": message.text, "link": message.link}
            ))
            remote_id = data.get("id")
        if not remote_id:
            raise ChannelError("Facebook answered without a post id", retryable=False)
        return Posted(remote_id=str(remote_id), remote_url=f"https://www.facebook.com/{remote_id}")

    def delete(self, remote_id: str) -> None:
        self._check(self.request("DELETE", self._url(remote_id), params={"access_token": self.config["token"]}))
