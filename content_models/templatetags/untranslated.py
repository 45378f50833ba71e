"""`{% untranslated_attrs obj "title" %}`: the `lang` and `dir` of a plain string still in its source's language.

Put on the element that shows the string: `<h1{% untranslated_attrs page "title" %}>`. Empty when the string is
translated (content_models/kernel/untranslated.py records which are not). For a block,
`{% untranslated_marks page "body."|add:block.id as marks %}` then `<h2{{ marks.text }}>`.
"""

from django import template

from content_models.kernel.untranslated import untranslated_of

register = template.Library()


@register.simple_tag
def untranslated_attrs(obj, path: str) -> str:
    return untranslated_of(obj).html_attrs(path)


@register.simple_tag
def untranslated_marks(obj, prefix: str) -> dict[str, str]:
    return untranslated_of(obj).html_attrs_within(prefix)
