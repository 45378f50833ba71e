"""Which deliveries a page's publish or unpublish makes. Runs after the publish committed (distribution/changes.py),
in a transaction of its own; sending waits for that commit, so nothing goes out for rows that rolled back."""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.tasks import task_enqueue
from content_models.kernel.visibility import page_is_visible, private_page_paths
from distribution.channels import ADAPTERS, enabled_channels, unpublish_policy
from distribution.channels.compose import page_share_image, post_text_default
from distribution.models import DeliveryKind, DeliveryState, SendMode, SocialDelivery, SocialPost

# A post with one of these is on the network, or about to be: publishing again does not post it again.
ACTIVE_STATES = (DeliveryState.PENDING, DeliveryState.SENDING, DeliveryState.SENT)


def page_is_public(page) -> bool:
    return page_is_visible(page, now=timezone.now(), private_paths=private_page_paths())


def post_is_out(post) -> bool:
    """A delivery of this post is queued, sending or sent (and not deleted since), or may have gone out."""
    deleted = SocialDelivery.objects.filter(kind=DeliveryKind.DELETE, state=DeliveryState.SENT).values("target_id")
    return (
        SocialDelivery.objects.filter(post=post, kind=DeliveryKind.POST)
        .filter(Q(state__in=ACTIVE_STATES) | Q(state=DeliveryState.FAILED, progress__ambiguous=True))
        .exclude(pk__in=deleted)
        .exists()
    )


def posts_autocreate(*, page) -> None:
    """Generated posts for the channels an editor has not written one for, on the page types that want them."""
    if page.specific_class._meta.label not in settings.DISTRIBUTION_AUTOPOST_PAGE_TYPES:
        return
    existing = set(SocialPost.objects.filter(page=page).values_list("channel", flat=True))
    specific = page.specific
    image = page_share_image(specific)
    alt_text = image.default_alt_text.strip() if image is not None else ""
    if image is not None and not alt_text:
        image = None  # no image rather than one without a description
    for channel in enabled_channels():
        if channel in existing:
            continue
        text = post_text_default(page=specific, channel=channel, has_image=image is not None)
        SocialPost.objects.create(
            page=page, channel=channel, text=text, image=image, alt_text=alt_text, generated=True
        )


def page_posts_schedule(*, page) -> list[SocialDelivery]:
    """On publish: queue every post of the page that has not gone out yet. Nothing for a page that is not public
    (restricted, expired, scheduled): a post would point readers at content they cannot see."""
    channels = set(enabled_channels())
    if not channels or not page_is_public(page):
        return []
    posts_autocreate(page=page)
    deliveries = []
    for post in SocialPost.objects.filter(page=page).exclude(send_mode=SendMode.NEVER):
        if post.channel in channels and not post_is_out(post):
            deliveries.append(delivery_create(post=post, page=page))
    deliveries_enqueue_on_commit(deliveries)
    return deliveries


def post_schedule_if_live(*, post) -> SocialDelivery | None:
    """After an editor saves a scheduled post: a live page gets its delivery now, set for the post's time; a
    pending one follows the new time. Posts "on publish" wait for the next publish."""
    pending = SocialDelivery.objects.filter(post=post, kind=DeliveryKind.POST, state=DeliveryState.PENDING)
    if post.send_mode == SendMode.NEVER:
        pending.update(state=DeliveryState.CANCELLED, last_error=_("The editor chose not to post on this channel."))
        return None
    if post.send_mode != SendMode.SCHEDULED:
        return None
    pending.update(next_attempt_at=post.send_at)
    page = post.page
    if not page.live or post.channel not in enabled_channels() or post_is_out(post) or not page_is_public(page):
        return None
    delivery = delivery_create(post=post, page=page)
    deliveries_enqueue_on_commit([delivery])  # a time already past goes out now, not at the next cron run
    return delivery


def delivery_create(*, post, page) -> SocialDelivery:
    now = timezone.now()
    when = max(post.send_at, now) if post.send_mode == SendMode.SCHEDULED and post.send_at else now
    return SocialDelivery.objects.create(
        post=post, page=page, page_title=page.title[:255], channel=post.channel, kind=DeliveryKind.POST,
        language=page.locale.language_code, text=post.text, next_attempt_at=when,
    )


def page_posts_retract(*, page, reason: str) -> list[SocialDelivery]:
    """On unpublish: cancel what has not gone out; delete or flag what has, as each channel says."""
    return posts_retract(SocialDelivery.objects.filter(page=page), page=page, reason=reason)


def posts_retract(deliveries, *, page, reason: str) -> list[SocialDelivery]:
    """Retract the posts among `deliveries` (those of one page). `page` is None once the page is deleted: the
    deliveries were noted before the delete, which leaves them without a page."""
    now = timezone.now()
    deliveries.filter(kind=DeliveryKind.POST, state=DeliveryState.PENDING).update(
        state=DeliveryState.CANCELLED, last_error=reason, updated_at=now
    )
    handled = SocialDelivery.objects.filter(target__in=deliveries).exclude(
        state__in=[DeliveryState.CANCELLED, DeliveryState.FAILED]
    ).values("target_id")
    made = []
    for sent in deliveries.filter(kind=DeliveryKind.POST, state=DeliveryState.SENT).exclude(pk__in=handled):
        policy = unpublish_policy(sent.channel)
        if policy == "ignore":
            continue
        if policy == "delete" and ADAPTERS[sent.channel].can_delete and sent.remote_id:
            made.append(SocialDelivery.objects.create(
                post=sent.post, page=page, page_title=sent.page_title, channel=sent.channel,
                kind=DeliveryKind.DELETE, target=sent, language=sent.language, next_attempt_at=now,
            ))
        else:
            made.append(SocialDelivery.objects.create(
                post=sent.post, page=page, page_title=sent.page_title, channel=sent.channel,
                kind=DeliveryKind.FLAG, target=sent, language=sent.language, state=DeliveryState.FLAGGED,
                remote_id=sent.remote_id, remote_url=sent.remote_url,
                last_error=_("%(reason)s: remove this post by hand.") % {"reason": reason},
            ))
    deliveries_enqueue_on_commit([d for d in made if d.kind == DeliveryKind.DELETE])
    return made


def deliveries_enqueue_on_commit(deliveries: list[SocialDelivery]) -> None:
    """Send what is due now once the transaction commits; later ones at their time where the task backend can
    defer, else at the next `manage.py distribution_outbox` (cron)."""
    now = timezone.now()
    for delivery in deliveries:
        if delivery.next_attempt_at and delivery.next_attempt_at > now:
            task_enqueue("distribution.tasks.outbox_deliver", delivery.pk, at=delivery.next_attempt_at)
        elif delivery.next_attempt_at:
            task_enqueue("distribution.tasks.outbox_deliver", delivery.pk)
