"""The system check that keeps form controls from shadowing the <form> element's own properties."""

from django import forms
from wagtail.models import get_page_models

from content_models import checks
from content_models.models import ServicePage, ServicePoint, Topic
from newsletter.models import NewsletterIssue


def test_no_editing_form_of_the_project_shadows_a_form_property():
    assert checks.check_form_field_names() == []


def test_every_page_type_and_snippet_of_the_project_is_checked():
    checked = {model for model, _form in checks._edit_forms()}
    project_pages = {model for model in get_page_models() if model._meta.app_label == "content_models"}
    assert project_pages <= checked
    assert {Topic, ServicePoint, NewsletterIssue} <= checked
    assert not any(model._meta.app_label.startswith("wagtail") for model in checked)


def test_a_field_named_like_a_form_property_is_an_error(monkeypatch):
    form_class = type("ServicePageForm", (forms.Form,), {
        "action": forms.CharField(), "method": forms.CharField(), "title": forms.CharField(),
        "name": forms.CharField(), "programme_action": forms.CharField(),
    })
    monkeypatch.setattr(checks, "_edit_forms", lambda: [(ServicePage, form_class)])
    errors = checks.check_form_field_names()
    assert [(error.id, error.obj) for error in errors] == [("content_models.E001", ServicePage)] * 2
    assert "'action'" in errors[0].msg and "'method'" in errors[1].msg
