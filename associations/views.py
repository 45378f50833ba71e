"""Admin views: reviewing account requests, managing an association and its members, the moderation queue."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import permissions, selectors, services
from .forms import AccountRequestApproveForm, AccountRequestRejectForm, MemberInviteForm
from .models import Association, AssociationAccountRequest, Membership
from .review import changes_to_review


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


class AccountRequestReviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "associations/admin/account_request_review.html"
    page_title = gettext_lazy("Association account request")
    header_icon = "group"

    def dispatch(self, request, *args, pk, **kwargs):
        if not request.user.has_perm(permissions.REVIEW_REQUESTS_PERMISSION):
            raise PermissionDenied
        self.object = get_object_or_404(AssociationAccountRequest, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.object.association_name

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("associations_requests:index"), "label": _("Account requests")},
            {"url": "", "label": self.object.association_name},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault(
            "approve_form", AccountRequestApproveForm(suggested_title=self.object.association_name)
        )
        context.setdefault("reject_form", AccountRequestRejectForm())
        context["account_request"] = self.object
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "approve":
            form = AccountRequestApproveForm(request.POST)
            if form.is_valid():
                try:
                    association = services.account_request_approve(
                        account_request=self.object, reviewed_by=request.user, page=form.cleaned_data["page"]
                    )
                except ValidationError as error:
                    messages.error(request, _errors(error))
                else:
                    messages.success(
                        request,
                        _("%(name)s is in: its administrator has been sent an invitation.")
                        % {"name": association.name},
                    )
                    return redirect("associations:manage", pk=association.pk)
            return self.render_to_response(self.get_context_data(approve_form=form))
        if action == "reject":
            form = AccountRequestRejectForm(request.POST)
            if form.is_valid():
                try:
                    services.account_request_reject(
                        account_request=self.object,
                        reviewed_by=request.user,
                        comment=form.cleaned_data["comment"],
                    )
                except ValidationError as error:
                    messages.error(request, _errors(error))
                else:
                    messages.success(request, _("The request has been declined and the association told."))
                    return redirect("associations_requests:index")
            return self.render_to_response(self.get_context_data(reject_form=form))
        raise PermissionDenied


class AssociationManageView(WagtailAdminTemplateMixin, TemplateView):
    """An association's page, collection and members. Regional editors also disable or enable it here."""

    template_name = "associations/admin/association_manage.html"
    page_title = gettext_lazy("Association")
    header_icon = "group"

    def dispatch(self, request, *args, pk, **kwargs):
        self.object = get_object_or_404(Association.objects.select_related("page", "collection"), pk=pk)
        if not permissions.can_manage_members(request.user, self.object):
            raise PermissionDenied
        self.can_manage_association = request.user.has_perm(permissions.MANAGE_ASSOCIATIONS_PERMISSION)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.object.name

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        if self.can_manage_association:
            items.append({"url": reverse("associations:index"), "label": _("Associations")})
        return items + [{"url": "", "label": self.object.name}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("invite_form", MemberInviteForm())
        context.update(
            association=self.object,
            memberships=self.object.memberships.select_related("user", "invited_by"),
            can_manage_association=self.can_manage_association,
            pending_changes=selectors.association_changes_in_moderation_for(self.object).count(),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        try:
            if action == "invite":
                form = MemberInviteForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(invite_form=form))
                # The same answer whether or not the address already has an account (services.membership_invite).
                services.membership_invite(
                    association=self.object, invited_by=request.user, **form.cleaned_data
                )
                messages.success(request, _("Invitation sent to %(email)s.") % form.cleaned_data)
            elif action in {"remove", "resend"}:
                membership = get_object_or_404(
                    Membership, pk=request.POST.get("membership"), association=self.object
                )
                if action == "remove":
                    services.membership_remove(membership=membership, removed_by=request.user)
                    messages.success(
                        request, _("%(email)s is no longer a member.") % {"email": membership.user.email}
                    )
                else:
                    services.membership_invitation_resend(membership=membership, sent_by=request.user)
                    messages.success(request, _("A new invitation has been sent."))
            elif action == "disable":
                services.association_disable(association=self.object, disabled_by=request.user)
                messages.success(request, _("The association is disabled: its members can no longer log in."))
            elif action == "enable":
                services.association_enable(association=self.object, enabled_by=request.user)
                messages.success(request, _("The association is enabled again."))
            else:
                raise PermissionDenied
        except ValidationError as error:
            messages.error(request, _errors(error))
        return redirect("associations:manage", pk=self.object.pk)


class ModerationQueueView(WagtailAdminTemplateMixin, TemplateView):
    """Every change association members submitted that waits for a regional editor."""

    template_name = "associations/admin/moderation_queue.html"
    page_title = gettext_lazy("Association changes to review")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("associations.view_association"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["changes"] = changes_to_review(selectors.association_changes_in_moderation())
        return context


def my_association(request):
    """The "My association" menu item: an association administrator's own management page."""
    membership = selectors.membership_for_user(request.user)
    if membership is None or not membership.is_admin:
        raise PermissionDenied
    return redirect("associations:manage", pk=membership.association_id)
