"""Filtering django-multiselectfield columns, stored as comma-separated codes ("it,ar,fr")."""

from django.db.models import Q


def multiselect_q(field: str, code: str) -> Q:
    """Rows whose `field` holds `code` as a whole item: "ar" must not match inside "pa,ara"."""
    return (
        Q(**{field: code})
        | Q(**{f"{field}__startswith": f"{code},"})
        | Q(**{f"{field}__endswith": f",{code}"})
        | Q(**{f"{field}__contains": f",{code},"})
    )
