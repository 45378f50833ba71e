"""What is stored: counts per day, and readers' page feedback. No address, user agent, cookie, session or
identifier of any kind, and no time finer than the day (docs/insights.md, "Privacy").

Pages are named by their translation key (shared by every language version of a page), so a count survives the
translation being created, deleted or replaced; the locale is the one the reader asked for, as a language code.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

LOCALE_MAX_LENGTH = 16
TERM_MAX_LENGTH = 100  # a normalised search term is cut here before it is counted
PATH_MAX_LENGTH = 255  # a normalised not-found path is cut here


class SearchTermDay(models.Model):
    """How often a (normalised) search term was searched in a locale on a day, and how often it found nothing."""

    day = models.DateField(_("day"))
    locale = models.CharField(_("language"), max_length=LOCALE_MAX_LENGTH)
    term = models.CharField(_("search term"), max_length=TERM_MAX_LENGTH)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_searches = models.PositiveIntegerField(_("searches without results"), default=0)
    results = models.PositiveIntegerField(
        _("results"), default=0, help_text=_("How many results the latest of these searches found.")
    )

    class Meta:
        default_permissions = ()  # nobody edits counts; reading them is "view_reports" (PageFeedback)
        verbose_name = _("search term per day")
        verbose_name_plural = _("search terms per day")
        constraints = [models.UniqueConstraint(fields=["day", "locale", "term"], name="insights_search_term_day")]
        indexes = [models.Index(fields=["locale", "day"], name="insights_search_locale_day")]

    def __str__(self):
        return f"{self.day} {self.locale} {self.term}"


class PageRequestDay(models.Model):
    """How often a page was asked for in a locale on a day, and how often it had to be served in Italian instead."""

    day = models.DateField(_("day"))
    locale = models.CharField(_("language"), max_length=LOCALE_MAX_LENGTH)
    translation_key = models.UUIDField(_("page"), help_text=_("The page in every language (its translation key)."))
    requests = models.PositiveIntegerField(_("requests"), default=0)
    fallbacks = models.PositiveIntegerField(
        _("served in Italian"), default=0, help_text=_("Requests answered in Italian: no published translation.")
    )

    class Meta:
        default_permissions = ()
        verbose_name = _("page requests per day")
        verbose_name_plural = _("page requests per day")
        constraints = [
            models.UniqueConstraint(fields=["day", "locale", "translation_key"], name="insights_page_request_day")
        ]
        indexes = [models.Index(fields=["locale", "day"], name="insights_page_locale_day")]

    def __str__(self):
        return f"{self.day} {self.locale} {self.translation_key}"


class NotFoundDay(models.Model):
    """How often a path was asked for in a locale on a day and matched no public page."""

    day = models.DateField(_("day"))
    locale = models.CharField(_("language"), max_length=LOCALE_MAX_LENGTH)
    path = models.CharField(_("path"), max_length=PATH_MAX_LENGTH)
    requests = models.PositiveIntegerField(_("requests"), default=0)

    class Meta:
        default_permissions = ()
        verbose_name = _("path not found per day")
        verbose_name_plural = _("paths not found per day")
        constraints = [models.UniqueConstraint(fields=["day", "locale", "path"], name="insights_not_found_day")]
        indexes = [models.Index(fields=["locale", "day"], name="insights_not_found_locale_day")]

    def __str__(self):
        return f"{self.day} {self.locale} {self.path}"


class FeedbackReason(models.TextChoices):
    """Designers Italia's page-rating reasons (1-3 stars: what went wrong; 4-5: what went well), plus two of ours
    that matter on a multilingual site: the translation was hard to follow, the information looked old."""

    UNCLEAR = "unclear", _("The information was not clear")
    INCOMPLETE = "incomplete", _("The information was incomplete")
    HARD_TO_FIND = "hard_to_find", _("It was hard to find what I was looking for")
    TRANSLATION = "translation", _("The translation was hard to understand")
    OUTDATED = "outdated", _("The information seemed out of date")
    TECHNICAL = "technical", _("I had technical problems")
    CLEAR = "clear", _("The information was clear")
    COMPLETE = "complete", _("The information was complete")
    EASY_TO_FIND = "easy_to_find", _("I found what I was looking for quickly")
    OTHER = "other", _("Other")


NEGATIVE_REASONS = frozenset(
    {
        FeedbackReason.UNCLEAR,
        FeedbackReason.INCOMPLETE,
        FeedbackReason.HARD_TO_FIND,
        FeedbackReason.TRANSLATION,
        FeedbackReason.OUTDATED,
        FeedbackReason.TECHNICAL,
    }
)
POSITIVE_REASONS = frozenset({FeedbackReason.CLEAR, FeedbackReason.COMPLETE, FeedbackReason.EASY_TO_FIND})
LOWEST_POSITIVE_RATING = 4  # 1-3 stars ask what went wrong, 4-5 what went well (Designers Italia)


class PageFeedback(models.Model):
    """One reader's rating of a page's clarity (1-5), with reasons and an optional comment. Never shown publicly."""

    day = models.DateField(_("day"))
    locale = models.CharField(_("language"), max_length=LOCALE_MAX_LENGTH)
    translation_key = models.UUIDField(_("page"), help_text=_("The page in every language (its translation key)."))
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        default_permissions = ()
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        indexes = [models.Index(fields=["locale", "day"], name="insights_feedback_locale_day")]
        # Read by the reports' views; granted to the "Needs analysts" group and the editors (groups.py).
        permissions = [("view_reports", _("Can see the readers' needs and translation reports"))]

    def __str__(self):
        return f"{self.day} {self.locale} {self.rating}"
