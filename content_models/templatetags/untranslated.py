"""Marks of the parts of a translation still in its source's language (content_models/kernel/untranslated.py).

- a field's plain string: `<h1{% untranslated_attrs page "title" %}>`; one shown inside a longer line or with a
  filter: `{% untranslated_field page "venue_name" as venue %}{{ venue|lang_span }}` (`<p{{ notes|lang_attrs }}>`);
- a stream: `{% untranslated_stream page "body" as body %}`, then in the block's template, on the element that
  shows a string of the block, `<h2{{ value.text|lang_attrs }}>` (a list's item: `{{ step.title|lang_attrs }}`);
  a string with no element of its own: `{{ value.role|lang_span }}`.
Each is empty when the string is translated.
"""

from django import template

from content_models.kernel import untranslated

register = template.Library()


@register.simple_tag
def untranslated_attrs(obj, path: str) -> str:
    return untranslated.untranslated_of(obj).html_attrs(path)


@register.simple_tag
def untranslated_field(obj, name: str):
    return untranslated.field_text(obj, name)


@register.simple_tag(name="untranslated_stream")
def untranslated_stream_tag(obj, field_name: str):
    return untranslated.untranslated_stream(obj, field_name)


register.filter("lang_attrs", untranslated.lang_attrs, is_safe=True)
register.filter("lang_span", untranslated.lang_span, is_safe=True)
