"""Emailing a package to the national portal's editorial address when a marked page is published."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from distribution.models import NationalPortalItem

from .archive import package_json
from .package import national_package_build


def national_package_send(*, page_id: int) -> bool:
    """Send the package once per published revision. False when there is no address, no mark or nothing public."""
    recipients = settings.DISTRIBUTION_NATIONAL_PORTAL_EMAIL
    item = NationalPortalItem.objects.filter(page_id=page_id).first()
    page = Page.objects.filter(pk=page_id).first()
    if not recipients or item is None or page is None:
        return False
    if item.emailed_revision_id and item.emailed_revision_id == page.live_revision_id:
        return False  # published again without changes
    package = national_package_build(page=page)
    if package is None:
        return False
    # Written for the national portal's Italian editors, whichever admin language the publishing editor uses.
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("[National portal] %(title)s (%(language)s)") % {"title": package["title"],
                                                                     "language": package["language"]}
        body = _email_body(package)
    message = EmailMessage(subject=subject, body=body, to=recipients)
    message.attach(f"{slugify(package['title']) or 'package'}.json", package_json(package), "application/json")
    message.send()
    NationalPortalItem.objects.filter(pk=item.pk).update(
        emailed_at=timezone.now(), emailed_revision_id=page.live_revision_id
    )
    return True


def _email_body(package: dict) -> str:
    languages = ", ".join(entry["language"] for entry in package["languages"])
    lines = [
        package["title"],
        "",
        package["summary"],
        "",
        f"{_('Source')}: {package['source_url']}",
        f"{_('Languages')}: {languages}",
        "",
        package["body_text"],
        "",
        _("The attached JSON holds the full package (HTML body, dates, place, images with credits)."),
    ]
    return "\n".join(lines)
