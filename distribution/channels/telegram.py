"""Telegram channels through a bot: sendPhoto with a caption, or sendMessage; deleteMessage on unpublish.

https://core.telegram.org/bots/api. Every answer is `{"ok": ..., "result" | "error_code", "description",
"parameters": {"retry_after": seconds}}`. The bot API has no idempotency key: see the outbox's resume policy.
"""

from .base import ChannelAdapter, ChannelError, Outgoing, Posted, response_json


class TelegramAdapter(ChannelAdapter):
    name = "Telegram"

    def _url(self, method: str) -> str:
        base = self.config.get("base_url") or "https://api.telegram.org"
        return f"{base.rstrip('/')}/bot{self.config['token']}/{method}"

    def _call(self, method: str, **kwargs) -> dict:
        response = self.request("POST", self._url(method), **kwargs)
        data = response_json(response)
        if data.get("ok"):
            return data.get("result") or {}
        code = int(data.get("error_code") or response.status_code)
        retry_after = (data.get("parameters") or {}).get("retry_after") or response.headers.get("Retry-After")
        raise ChannelError(
            f"Telegram answered {code}: {data.get('description') or response.reason}",
            retryable=code == 429 or code >= 500,
            retry_after=str(retry_after) if retry_after is not None else None,
        )

    def post(self, message: Outgoing) -> Posted:
        chat_id = str(self.config["chat_id"])
        if message.image is not None:
            result = self._call(
                "sendPhoto", data={"chat_id": chat_id, "caption": message.text},
                files={"photo": (message.image_name, message.image, message.image_content_type)},
            )
        else:
            result = self._call("sendMessage", json={"chat_id": chat_id, "text": message.text})
        message_id = str(result.get("message_id", ""))
        if not message_id:
            raise ChannelError("Telegram answered without a message id", retryable=False)
        # Public channels have a t.me link; private ones (numeric ids) do not.
        url = f"https://t.me/{chat_id.lstrip('@')}/{message_id}" if chat_id.startswith("@") else ""
        return Posted(remote_id=message_id, remote_url=url)

    def delete(self, remote_id: str) -> None:
        self._call("deleteMessage", json={"chat_id": str(self.config["chat_id"]), "message_id": int(remote_id)})
