"""The settings check names what is missing instead of letting a channel fail at the first publish."""

from distribution.checks import distribution_settings_check


def test_an_enabled_channel_without_its_token_is_reported(settings):
    settings.DISTRIBUTION_CHANNELS = {"mastodon": {"enabled": True, "base_url": "https://m.example", "token": ""}}
    settings.DISTRIBUTION_WEBHOOK_URLS = []
    [warning] = distribution_settings_check()
    assert warning.id == "distribution.W001" and "token is not set" in warning.msg


def test_webhooks_without_a_secret_are_an_error(settings):
    settings.DISTRIBUTION_CHANNELS = {}
    settings.DISTRIBUTION_WEBHOOK_URLS = ["https://portal.example/hook"]
    settings.DISTRIBUTION_WEBHOOK_SECRET = ""
    assert [message.id for message in distribution_settings_check()] == ["distribution.E001"]


def test_the_defaults_are_clean(settings):
    settings.DISTRIBUTION_WEBHOOK_URLS = []
    assert distribution_settings_check() == []
