"""The admin API's images and documents endpoints, limited to what the user may choose or edit.

Wagtail's own (/admin/api/main/images/, /documents/) list every image and document to anyone who can log in to the
admin, ignoring collection permissions: titles, alt texts, file names and thumbnails of other associations' and of
restricted collections' files. Here they list only the collections the user holds a permission on, as the
choosers and listings do; find and detail views use the same queryset, so an id outside it is a 404.
"""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

PERMISSIONS = ["choose", "change"]


class _CollectionPermissionMixin:
    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        allowed = policy.instances_user_has_any_permission_for(self.request.user, PERMISSIONS)
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


class PermittedImagesAdminAPIViewSet(_CollectionPermissionMixin, ImagesAdminAPIViewSet):
    pass


class PermittedDocumentsAdminAPIViewSet(_CollectionPermissionMixin, DocumentsAdminAPIViewSet):
    pass
