"""The content kernel: what a page *is* to a reader, decided once for every channel (API, feeds, JSON-LD,
newsletter, social posts, print).

It imports none of its consumers. One module per concern; import from the module (this package re-exports
nothing, so that content_models.models can use urls.py while the app registry is still loading):

| module | public names | what it decides |
| --- | --- | --- |
| visibility.py | `Visibility`, `visibility_read`, `visible_pages`, `visible_pages_q`, `page_is_visible`, `private_page_paths`, `private_collection_ids` | what is public now |
| urls.py | `portal_path`, `portal_url`, `page_portal_url`, `portal_base_url` | a page's path and URL on the portal, in a locale |
| fallback.py | `Served`, `served_in`, `in_locale` | what a reader of one language gets when something is not translated |
| presentation.py | `page_main_image`, `page_summary`, `page_summary_field`, `MAIN_IMAGE_FIELDS` | a page's main image and summary, one order each |
| untranslated.py | `untranslated_of`, `Untranslated`, `untranslated_stream`, `field_text`, `lang_attrs`, `lang_span`, `untranslated_record`, `untranslated_field` | which parts of a translation are still in its source's language |
| references.py | `References`, `collect_richtext`, `collect_stream`, `collect_block`, `collect_object` | what stored content points at |
| reader.py | `ContentReader` | loading all that in bulk, hiding what is not public |
| richtext.py | `richtext_html` | stored rich text as portal HTML, links and images checked |
| transitions.py | `next_transition_after` | when content changes by time alone |
| generation.py | `ContentState`, `content_state_read`, `content_generation_bump` | the one content generation caches key on |
| invalidation.py | `invalidation_connect`, `served_models` | the one list of writes that bump it |
| specific.py, memo.py | `specific_pages`, `state_memo` | pages as their own type in one query; per-state memo |

See docs/content-kernel.md.
"""
