"""System check: no field of an admin editing form may be named like a property of the <form> element.

A form control is reachable as a property of its form under its name, and for <form> the control wins over the
element's own property ([LegacyOverrideBuiltIns] in the HTML standard). A field named `action` made
`form.action` the <select> itself: Wagtail's autosave posted to "[object HTMLSelectElement]" and failed on every
service page (issue 12). The same happens to any script that reads `form.method`, calls `form.submit()` ...

Checked: the top-level fields of the edit form of every page type and snippet of the project (fields of inline
panels and StreamField blocks are named with a prefix, "items-0-action", and shadow nothing).
"""

from pathlib import Path

from django.conf import settings
from django.core import checks

# The <form> element's own members (HTMLFormElement in the HTML standard). The admin's scripts read these from
# the editor form: autosave reads `action`, `method` and `elements`; the action menu, jQuery and Stimulus call
# `submit()`, `requestSubmit()`, `reset()`; validity and `length` are read by form helpers.
# Left out on purpose: `name`. No script reads the editor form's name (Wagtail gives it none), and `name` is the
# natural field of a topic or a service point; flagging it would be a false alarm.
FORM_MEMBERS = frozenset({
    "acceptCharset", "action", "autocomplete", "checkValidity", "elements", "encoding", "enctype", "length",
    "method", "noValidate", "rel", "relList", "reportValidity", "requestSubmit", "reset", "submit", "target",
})
# Members every element has (Element, Node, EventTarget, HTMLElement) that the admin's scripts use on the form
# itself: Stimulus and Wagtail's controllers read its `id`, `dataset`, `classList`, look inside it with
# `querySelector`, `contains`, `closest`, listen to it, focus it, move it. A field with one of these names breaks
# them in the same silent way.
# Left out on purpose: `title` (every page has one; nothing reads the form's tooltip), `lang`, `dir`, `slot`,
# `translate` (presentation attributes no script reads from the form).
ELEMENT_MEMBERS = frozenset({
    "id", "style", "hidden", "children", "attributes", "dataset", "classList", "className", "contains", "matches",
    "closest", "append", "prepend", "remove", "click", "focus", "blur", "dispatchEvent", "addEventListener",
    "removeEventListener", "querySelector", "querySelectorAll", "getAttribute", "setAttribute", "hasAttribute",
    "removeAttribute", "parentNode", "parentElement", "childNodes", "firstChild", "lastChild", "nodeName",
    "nodeType", "tagName", "textContent", "innerHTML", "outerHTML", "ownerDocument", "isConnected",
})
SHADOWING_NAMES = FORM_MEMBERS | ELEMENT_MEMBERS


def _project_models(models):
    """The models defined in this repository's own apps (not Wagtail's, not other libraries')."""
    from django.apps import apps

    # An app of the project is a folder at the repository's root (the virtualenv may live inside it too).
    packages = {config.name for config in apps.get_app_configs() if Path(config.path).parent == settings.BASE_DIR}
    return [model for model in models if model.__module__.split(".")[0] in packages]


def _edit_forms():
    """(model, form class) of every page type and snippet of the project, as the admin builds them."""
    from wagtail.models import get_page_models
    from wagtail.snippets.models import get_snippet_models

    for model in _project_models(get_page_models()):
        yield model, model.get_edit_handler().get_form_class()
    for model in _project_models(get_snippet_models()):
        yield model, model.snippet_viewset.get_edit_handler().get_form_class()


@checks.register(checks.Tags.models)
def check_form_field_names(app_configs=None, **kwargs):
    errors = []
    for model, form_class in _edit_forms():
        if app_configs is not None and model._meta.app_config not in app_configs:
            continue
        for name in sorted(set(form_class.base_fields) & SHADOWING_NAMES):
            errors.append(
                checks.Error(
                    f"The admin form of {model._meta.label} has a field named {name!r}, a property of the "
                    "<form> element: the field shadows it and breaks the admin's scripts (autosave, submit).",
                    hint=f"Rename the model field (e.g. '{model._meta.model_name}_{name}') with a RenameField "
                    "migration; keep the old public name in the API if it has one.",
                    obj=model,
                    id="content_models.E001",
                )
            )
    return errors
