"""Every page type of the project edits through PageForm, which refuses chooser ids the user may not choose
(issue 13): a page type with a form of its own must build on it, or a hand-made POST could reach others' files."""

from wagtail.models import get_page_models

from content_models.forms import PageForm


def test_every_project_page_type_edits_through_the_page_form():
    project_models = [
        model for model in get_page_models()
        if model._meta.app_label not in {"wagtailcore"} and model.__module__.split(".")[0] != "wagtail"
    ]
    assert project_models
    outside = [model.__name__ for model in project_models if not issubclass(model.base_form_class, PageForm)]
    assert outside == []
